namespace Cairn.Storage.Entities;

public sealed class RunModelInputEntity
{
    public required string RunId { get; set; }
    public required string ModelId { get; set; }
}
