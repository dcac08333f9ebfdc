using System.Text.Json.Serialization;

namespace Cairn.Contracts.Mlflow.Registry;

/// <summary>
/// Source-generated JSON for the model registry's MLflow DTOs, with exactly the options of
/// <see cref="MlflowJsonContext"/>. It is a context of its own because the System.Text.Json generator
/// fails when [JsonSerializable] attributes sit on more than one partial declaration of one context
/// (dotnet/runtime#99669); folding these attributes into MlflowJsonContext.cs later is a plain move.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    AllowTrailingCommas = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 64)]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(CreateRegisteredModelRequest))]
[JsonSerializable(typeof(RegisteredModelNameRequest))]
[JsonSerializable(typeof(RegisteredModelResponse))]
[JsonSerializable(typeof(SearchRegisteredModelsRequest))]
[JsonSerializable(typeof(SearchRegisteredModelsResponse))]
[JsonSerializable(typeof(UpdateRegisteredModelRequest))]
[JsonSerializable(typeof(RenameRegisteredModelRequest))]
[JsonSerializable(typeof(SetRegisteredModelTagRequest))]
[JsonSerializable(typeof(DeleteRegisteredModelTagRequest))]
[JsonSerializable(typeof(GetLatestVersionsRequest))]
[JsonSerializable(typeof(ModelVersionsResponse))]
[JsonSerializable(typeof(CreateModelVersionRequest))]
[JsonSerializable(typeof(ModelVersionKeyRequest))]
[JsonSerializable(typeof(ModelVersionResponse))]
[JsonSerializable(typeof(SearchModelVersionsRequest))]
[JsonSerializable(typeof(SearchModelVersionsResponse))]
[JsonSerializable(typeof(UpdateModelVersionRequest))]
[JsonSerializable(typeof(TransitionModelVersionStageRequest))]
[JsonSerializable(typeof(GetModelVersionDownloadUriResponse))]
[JsonSerializable(typeof(SetModelVersionTagRequest))]
[JsonSerializable(typeof(DeleteModelVersionTagRequest))]
[JsonSerializable(typeof(SetRegisteredModelAliasRequest))]
[JsonSerializable(typeof(RegisteredModelAliasRequest))]
public sealed partial class MlflowRegistryJsonContext : JsonSerializerContext;
