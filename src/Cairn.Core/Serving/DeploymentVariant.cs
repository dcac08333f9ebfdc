namespace Cairn.Core.Serving;

/// <summary>
/// One model version behind a deployment. <see cref="Version"/> is always pinned; when the variant was
/// declared by alias (<see cref="Alias"/>), the alias is resolved when the deployment changes, not per request.
/// Live weights of a deployment sum to 100; a shadow variant has weight 0 and gets a copy of every request.
/// </summary>
public sealed record DeploymentVariant
{
    public required string Name { get; init; }
    public required string Model { get; init; }
    public required long Version { get; init; }
    public string? Alias { get; init; }
    public int Weight { get; init; }
    public VariantMode Mode { get; init; } = VariantMode.Live;
}
