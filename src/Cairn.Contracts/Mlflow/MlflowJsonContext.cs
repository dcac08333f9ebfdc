using System.Text.Json.Serialization;
using Cairn.Contracts.Mlflow.Artifacts;
using Cairn.Contracts.Mlflow.LoggedModels;
using Cairn.Contracts.Mlflow.Registry;
using Cairn.Contracts.Mlflow.Tracking;

namespace Cairn.Contracts.Mlflow;

/// <summary>
/// Source-generated JSON for MLflow's REST API: snake_case names, unset (null) fields omitted, int64 and
/// doubles accepted as numbers or strings, NaN/±Infinity as the strings "NaN"/"Infinity"/"-Infinity".
/// Every MLflow DTO is registered here: the generator fails when [JsonSerializable] attributes are
/// spread over several partial declarations (dotnet/runtime#99669).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    AllowTrailingCommas = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 64)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(ServerInfoResponse))]
[JsonSerializable(typeof(CreateExperimentRequest))]
[JsonSerializable(typeof(CreateExperimentResponse))]
[JsonSerializable(typeof(GetExperimentRequest))]
[JsonSerializable(typeof(GetExperimentByNameRequest))]
[JsonSerializable(typeof(GetExperimentResponse))]
[JsonSerializable(typeof(SearchExperimentsRequest))]
[JsonSerializable(typeof(SearchExperimentsResponse))]
[JsonSerializable(typeof(UpdateExperimentRequest))]
[JsonSerializable(typeof(ExperimentIdRequest))]
[JsonSerializable(typeof(SetExperimentTagRequest))]
[JsonSerializable(typeof(DeleteExperimentTagRequest))]
[JsonSerializable(typeof(CreateRunRequest))]
[JsonSerializable(typeof(RunResponse))]
[JsonSerializable(typeof(GetRunRequest))]
[JsonSerializable(typeof(UpdateRunRequest))]
[JsonSerializable(typeof(UpdateRunResponse))]
[JsonSerializable(typeof(RunIdRequest))]
[JsonSerializable(typeof(LogMetricRequest))]
[JsonSerializable(typeof(LogParamRequest))]
[JsonSerializable(typeof(SetTagRequest))]
[JsonSerializable(typeof(DeleteTagRequest))]
[JsonSerializable(typeof(LogBatchRequest))]
[JsonSerializable(typeof(LogInputsRequest))]
[JsonSerializable(typeof(LogOutputsRequest))]
[JsonSerializable(typeof(GetMetricHistoryRequest))]
[JsonSerializable(typeof(GetMetricHistoryResponse))]
[JsonSerializable(typeof(SearchRunsRequest))]
[JsonSerializable(typeof(SearchRunsResponse))]
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
public sealed partial class MlflowJsonContext : JsonSerializerContext;
