namespace Cairn.Storage.Entities;

/// <summary>A named pointer from a dataset to one of its versions (name@tag).</summary>
public sealed class DatasetTagEntity
{
    public long DataSetId { get; set; }
    public required string Tag { get; set; }
    public long VersionId { get; set; }
}
