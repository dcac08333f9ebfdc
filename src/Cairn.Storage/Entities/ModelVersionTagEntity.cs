namespace Cairn.Storage.Entities;

public sealed class ModelVersionTagEntity
{
    public long RegisteredModelId { get; set; }
    public long Version { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
