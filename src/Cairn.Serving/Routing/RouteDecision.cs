using Cairn.Core.Serving;

namespace Cairn.Serving.Routing;

/// <summary>Where one request goes: the deployment as routed, the answering variant and any shadows.</summary>
public sealed record RouteDecision(Deployment Deployment, DeploymentVariant Live, IReadOnlyList<DeploymentVariant> Shadows);
