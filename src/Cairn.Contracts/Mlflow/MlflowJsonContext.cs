using System.Text.Json.Serialization;
using Cairn.Contracts.Mlflow.Tracking;

namespace Cairn.Contracts.Mlflow;

/// <summary>
/// Source-generated JSON for MLflow's REST API: snake_case names, unset (null) fields omitted, int64 and
/// doubles accepted as numbers or strings, NaN/±Infinity as the strings "NaN"/"Infinity"/"-Infinity".
/// Other areas register their DTOs in partial files of this class (MlflowJsonContext.Registry.cs, ...).
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
public sealed partial class MlflowJsonContext : JsonSerializerContext;
