namespace Cairn.Storage.Entities;

public sealed class RunModelOutputEntity
{
    public required string RunId { get; set; }
    public required string ModelId { get; set; }
    public long Step { get; set; }
}
