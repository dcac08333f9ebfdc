using System.Text.Json.Serialization;
using Cairn.Data.Profiling;
using Cairn.Data.Tables;
using Cairn.Data.Validation;

namespace Cairn.Data.Serialization;

/// <summary>
/// JSON of schemas, profiles, validation schemas and reports: snake_case, nulls omitted. This is both
/// how they are stored in the metadata store and how the native API sends them (the wire DTOs in
/// Cairn.Contracts mirror these shapes).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(ColumnTypeJsonConverter), typeof(SeverityJsonConverter)],
    MaxDepth = 64)]
[JsonSerializable(typeof(DatasetSchema))]
[JsonSerializable(typeof(DatasetProfile))]
[JsonSerializable(typeof(ValidationSchema))]
[JsonSerializable(typeof(ValidationReport))]
public sealed partial class DataJsonContext : JsonSerializerContext;
