namespace Cairn.Core.Registry;

/// <summary>A model version to create; the store assigns the next version number of the model.</summary>
public sealed record NewModelVersion
{
    public required string Name { get; init; }
    public required string Source { get; init; }
    public string? StorageLocation { get; init; }
    public string? RunId { get; init; }
    public string? RunLink { get; init; }
    public string? ModelId { get; init; }
    public string? Description { get; init; }
    public string? UserId { get; init; }
    public IReadOnlyList<KeyValue> Tags { get; init; } = [];
}
