namespace Cairn.Storage.Entities;

public sealed class LoggedModelTagEntity
{
    public required string ModelId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
