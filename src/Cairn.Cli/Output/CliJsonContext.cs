using System.Text.Json.Serialization;

namespace Cairn.Cli.Output;

/// <summary>JSON of the CLI's own results (those that are not API objects), with the API's conventions.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DbUpgradeResult))]
[JsonSerializable(typeof(ArtifactListing))]
[JsonSerializable(typeof(ModelDetails))]
public sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>What <c>cairn db upgrade --json</c> prints.</summary>
public sealed record DbUpgradeResult(string Provider, string Database, IReadOnlyList<string> AppliedMigrations);

/// <summary>What <c>cairn runs artifacts --json</c> prints.</summary>
public sealed record ArtifactListing(string RunId, IReadOnlyList<Cairn.Client.ArtifactFileInfo> Files);

/// <summary>What <c>cairn models show --json</c> prints: the model and every version.</summary>
public sealed record ModelDetails(Cairn.Contracts.Mlflow.Registry.RegisteredModelDto RegisteredModel, IReadOnlyList<Cairn.Contracts.Mlflow.Registry.ModelVersionDto> ModelVersions);
