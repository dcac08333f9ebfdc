namespace Cairn.Storage.Entities;

public sealed class LineageArtifactEntity
{
    public long Id { get; set; }
    public required string Type { get; set; }
    public required string Uri { get; set; }
    public required string ContentHash { get; set; }
    public string? PropertiesJson { get; set; }
    public long CreatedTime { get; set; }
}
