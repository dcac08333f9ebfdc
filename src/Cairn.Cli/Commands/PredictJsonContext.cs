using System.Text.Json.Serialization;
using Cairn.Client.Predictions;

namespace Cairn.Cli.Commands;

/// <summary>JSON of <c>cairn predict --json</c> and <c>cairn score --json</c>, with the API's conventions.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true)]
[JsonSerializable(typeof(PredictResponse))]
[JsonSerializable(typeof(ScoreSummary))]
internal sealed partial class PredictJsonContext : JsonSerializerContext;

/// <summary>What <c>cairn score --json</c> prints.</summary>
internal sealed record ScoreSummary(
    string Deployment, string Variant, string Model, long Version, string Input, string Output, long Rows, double Seconds, double RowsPerSecond, IReadOnlyList<string> Columns);
