using Cairn.Core.Serving;
using Cairn.Serving.Hosting;

namespace Cairn.Serving.Routing;

/// <summary>A variant together with its loaded, warmed-up model: what a request is scored with.</summary>
public sealed class VariantTarget(DeploymentVariant variant, LoadedModel model)
{
    public DeploymentVariant Variant { get; } = variant;

    public LoadedModel Model { get; } = model;

    public string Name => Variant.Name;
}
