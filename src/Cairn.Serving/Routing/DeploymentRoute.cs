using Cairn.Core.Serving;

namespace Cairn.Serving.Routing;

/// <summary>
/// One deployment compiled for routing: its live variants with cumulative weights, its shadows, and the
/// loaded model of each. Immutable; built (with every model loaded) before it is published.
/// </summary>
public sealed class DeploymentRoute
{
    private readonly int[] _cumulative;
    private readonly int _total;

    public DeploymentRoute(Deployment deployment, IReadOnlyList<VariantTarget> live, IReadOnlyList<VariantTarget> shadows)
    {
        Deployment = deployment;
        Live = live;
        Shadows = shadows;
        Sticky = StickyKeySource.Parse(deployment.StickyKey);
        _cumulative = new int[live.Count];
        var sum = 0;
        for (var i = 0; i < live.Count; i++)
        {
            sum += Math.Max(0, live[i].Variant.Weight);
            _cumulative[i] = sum;
        }

        _total = sum;
    }

    public Deployment Deployment { get; }

    public string Name => Deployment.Name;

    public bool Paused => Deployment.Status == DeploymentStatus.Paused;

    public StickyKeySource? Sticky { get; }

    public IReadOnlyList<VariantTarget> Live { get; }

    public IReadOnlyList<VariantTarget> Shadows { get; }

    /// <summary>
    /// The live variant for a request: by the bucket of the sticky key (stable), or at random by weight
    /// without one. Null only when the deployment has no live variant.
    /// </summary>
    public VariantTarget? Pick(ReadOnlySpan<char> stickyKey, bool hasKey)
    {
        if (Live.Count <= 1 || _total == 0)
        {
            return Live.Count == 0 ? null : Live[0];
        }

        var bucket = hasKey ? StickyHash.Bucket(Name, stickyKey, _total) : Random.Shared.Next(_total);
        var cumulative = _cumulative;
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (bucket < cumulative[i])
            {
                return Live[i];
            }
        }

        return Live[^1];
    }

    /// <summary>The variant (live first, then shadow) that pins <paramref name="version"/>, for versioned requests.</summary>
    public VariantTarget? ForVersion(long version)
    {
        foreach (var target in Live)
        {
            if (target.Variant.Version == version)
            {
                return target;
            }
        }

        foreach (var target in Shadows)
        {
            if (target.Variant.Version == version)
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>Every loaded model this deployment uses.</summary>
    public IEnumerable<VariantTarget> All => Live.Concat(Shadows);
}
