using System.Text.Json.Serialization;

namespace Cairn.Contracts.Native.Deployments;

/// <summary>
/// Source-generated JSON of the native deployments API (snake_case, nulls omitted). Unknown members are
/// rejected so a misspelt field ("weigth") is a 400 naming it rather than silently ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    MaxDepth = 32)]
[JsonSerializable(typeof(CreateDeploymentRequest))]
[JsonSerializable(typeof(DeploymentResponse))]
[JsonSerializable(typeof(ListDeploymentsResponse))]
[JsonSerializable(typeof(UpdateDeploymentRequest))]
[JsonSerializable(typeof(SetWeightsRequest))]
[JsonSerializable(typeof(PromoteRequest))]
[JsonSerializable(typeof(RollbackRequest))]
[JsonSerializable(typeof(DeploymentChangeRequest))]
[JsonSerializable(typeof(ListDeploymentEventsResponse))]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(FeedbackResponse))]
public sealed partial class DeploymentsJsonContext : JsonSerializerContext;
