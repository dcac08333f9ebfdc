namespace Cairn.Client.Predictions;

/// <summary>A variant of a deployment as <c>GET /api/v1/deployments/{name}</c> describes it: the pinned model version, its weight and mode (live or shadow).</summary>
public sealed record ServingVariant
{
    /// <summary>The variant's name within the deployment.</summary>
    public string Name { get; init; } = "";

    /// <summary>The registered model.</summary>
    public string Model { get; init; } = "";

    /// <summary>The pinned model version.</summary>
    public long Version { get; init; }

    /// <summary>The share of live traffic in percent (0 for shadows).</summary>
    public int Weight { get; init; }

    /// <summary><c>live</c> or <c>shadow</c>.</summary>
    public string Mode { get; init; } = "live";

    /// <summary>Whether the variant answers requests (not a shadow).</summary>
    public bool IsLive => string.Equals(Mode, "live", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The part of a deployment that scoring needs.</summary>
internal sealed record ServingDeployment
{
    public string Name { get; init; } = "";

    public IReadOnlyList<ServingVariant> Variants { get; init; } = [];
}
