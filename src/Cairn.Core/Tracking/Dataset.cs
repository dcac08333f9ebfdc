namespace Cairn.Core.Tracking;

/// <summary>A dataset as MLflow's log-inputs describes it (name + digest identify it).</summary>
public sealed record Dataset(string Name, string Digest, string SourceType, string Source)
{
    public string? Schema { get; init; }
    public string? Profile { get; init; }
}
