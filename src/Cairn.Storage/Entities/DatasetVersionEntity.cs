namespace Cairn.Storage.Entities;

/// <summary>An immutable dataset version: content hash, where its file is, and its schema and profile as JSON.</summary>
public sealed class DatasetVersionEntity
{
    public long Id { get; set; }
    public long DataSetId { get; set; }
    public required string Version { get; set; }
    public required string Format { get; set; }
    public string? SourceUri { get; set; }
    public required string ArtifactPath { get; set; }
    public long RowCount { get; set; }
    public int ColumnCount { get; set; }
    public long SizeBytes { get; set; }
    public required string SchemaJson { get; set; }
    public string? ProfileJson { get; set; }
    public long CreatedAtMs { get; set; }
}
