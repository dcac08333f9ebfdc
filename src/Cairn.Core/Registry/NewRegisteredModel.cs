namespace Cairn.Core.Registry;

/// <summary>A registered model to create: validated input for <see cref="IRegistryStore.CreateRegisteredModelAsync"/>.</summary>
public sealed record NewRegisteredModel
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? UserId { get; init; }
    public IReadOnlyList<KeyValue> Tags { get; init; } = [];
}
