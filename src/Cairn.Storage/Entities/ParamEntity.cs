namespace Cairn.Storage.Entities;

public sealed class ParamEntity
{
    public required string RunId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
