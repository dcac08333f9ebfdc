using System.Text.Json.Serialization;

namespace Cairn.Contracts.Native.Datasets;

/// <summary>
/// Source-generated JSON of the native datasets API (/api/v1/datasets): snake_case, nulls omitted.
/// Its own context, because [JsonSerializable] attributes cannot be split across partial declarations.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 64)]
[JsonSerializable(typeof(DatasetSchemaDto))]
[JsonSerializable(typeof(DatasetProfileDto))]
[JsonSerializable(typeof(DatasetVersionDto))]
[JsonSerializable(typeof(ImportDatasetResponse))]
[JsonSerializable(typeof(ListDatasetVersionsResponse))]
[JsonSerializable(typeof(ListDatasetsResponse))]
[JsonSerializable(typeof(SetDatasetTagRequest))]
[JsonSerializable(typeof(ValidateDatasetRequest))]
[JsonSerializable(typeof(ValidationSchemaDto))]
[JsonSerializable(typeof(ValidationReportDto))]
public sealed partial class DatasetsJsonContext : JsonSerializerContext;
