namespace Cairn.Storage.Entities;

public sealed class ExperimentTagEntity
{
    public long ExperimentId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
