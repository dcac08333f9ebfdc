using System.Text.Json.Serialization;
using Cairn.Contracts.Mlflow.Artifacts;
using Cairn.Contracts.Mlflow.LoggedModels;

namespace Cairn.Contracts.Mlflow;

/// <summary>
/// Source-generated JSON for the artifact proxy and logged models, with the same options as
/// <see cref="MlflowJsonContext"/>. It is a separate context, not a partial of that one, because the
/// System.Text.Json generator cannot split a context's [JsonSerializable] attributes across partial
/// declarations (dotnet/runtime#99669: duplicate hint names, no code generated).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    AllowTrailingCommas = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 64)]
[JsonSerializable(typeof(ListArtifactsResponse))]
[JsonSerializable(typeof(ListRunArtifactsRequest))]
[JsonSerializable(typeof(ListRunArtifactsResponse))]
[JsonSerializable(typeof(CreateLoggedModelRequest))]
[JsonSerializable(typeof(LoggedModelResponse))]
[JsonSerializable(typeof(FinalizeLoggedModelRequest))]
[JsonSerializable(typeof(SetLoggedModelTagsRequest))]
[JsonSerializable(typeof(LogLoggedModelParamsRequest))]
[JsonSerializable(typeof(ListLoggedModelArtifactsRequest))]
[JsonSerializable(typeof(SearchLoggedModelsRequest))]
[JsonSerializable(typeof(SearchLoggedModelsResponse))]
[JsonSerializable(typeof(EmptyResponse))]
public sealed partial class MlflowArtifactsJsonContext : JsonSerializerContext;
