namespace Cairn.Storage.Entities;

public sealed class RegisteredModelTagEntity
{
    public long RegisteredModelId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
