namespace Cairn.Storage.Entities;

/// <summary>A run's use of a dataset. The input tags are kept as JSON; the context tag is a column because searches filter on it.</summary>
public sealed class RunDatasetInputEntity
{
    public required string RunId { get; set; }
    public long DatasetId { get; set; }
    public DatasetEntity? Dataset { get; set; }
    public string? Context { get; set; }
    public required string TagsJson { get; set; }
}
