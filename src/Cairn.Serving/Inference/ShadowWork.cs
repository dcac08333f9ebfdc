using Cairn.Serving.Routing;

namespace Cairn.Serving.Inference;

/// <summary>A copy of one answered request for a deployment's shadow variants, scored off the request path.</summary>
public sealed record ShadowWork(DeploymentRoute Route, FeatureBatch Batch, string RequestId, long Timestamp);
