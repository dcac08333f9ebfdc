using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Data.Formats;
using Cairn.Data.Profiling;
using Cairn.Data.Serialization;
using Cairn.Data.Validation;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>
/// <c>data.validate</c>: checks the input dataset against a schema (inline or a JSON file), against a
/// reference version's inferred schema and profile, or by default that it has rows (and the label
/// column). Errors fail the step with the report's summary; warnings pass. On success the dataset is
/// passed through (same bytes, same hash) with the report, so downstream steps can depend on this one.
/// A failed validation still publishes its report (as an output of the FAILED execution). The cache key
/// follows a schema file's content and the version a <c>reference</c> resolves to now.
/// </summary>
public sealed class DataValidateStep(MlServices services) : IStep, ICacheKeyContributor
{
    public string Kind => "data.validate";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new(
    [
        new ConfigField("data", ConfigType.String, Description: "the dataset to check (default: the one dataset input)"),
        new ConfigField("schema", ConfigType.Any, Description: "a validation schema (inline map, or a JSON file path)"),
        new ConfigField("reference", ConfigType.String, Description: "name@version whose schema and profile the data must match"),
        new ConfigField("label", ConfigType.String, Description: "a column that must be present (default checks)"),
    ]);

    public Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken) => MlStepRunner.GuardAsync(async () =>
    {
        var (input, path) = (await MlArtifacts.FindAsync(context, "data", MlArtifacts.DatasetType, required: true, cancellationToken))!.Value;
        var format = DataFormats.Resolve(null, path);
        var (schema, mode, against) = await ExpectationsAsync(context, path, format, cancellationToken);
        ValidationReport report;
        await using (var data = File.OpenRead(path))
        {
            report = await DatasetValidator.ValidateAsync(data, format, schema, mode, against, null, cancellationToken);
        }

        var json = DataJson.Serialize(report);
        var reportPath = Path.Combine(context.OutputDirectory, "validation.json");
        await File.WriteAllTextAsync(reportPath, json, cancellationToken);
        context.ReportMetric("validation_errors", report.Errors);
        context.ReportMetric("validation_warnings", report.Warnings);
        foreach (var failure in report.Failures)
        {
            context.Log($"{failure.Severity.ToString().ToLowerInvariant()}: {failure.Message}");
        }

        // Declared before the verdict: a failed validation publishes its report too, for people to read.
        context.DeclareOutput("report", reportPath, MlArtifacts.ReportType, new JsonObject
        {
            ["errors"] = report.Errors,
            ["warnings"] = report.Warnings,
            ["passed"] = report.Passed,
            [MlArtifacts.DatasetVersionsKey] = MlArtifacts.ToArray(MlArtifacts.DatasetVersions(input)),
        }.ToJsonString(), keepOnFailure: true);
        if (!report.Passed)
        {
            context.Log(json);
            return StepResult.Failure(Summary(report));
        }

        var passthrough = Path.Combine(context.OutputDirectory, "data", Path.GetFileName(path));
        Directory.CreateDirectory(Path.GetDirectoryName(passthrough)!);
        File.Copy(path, passthrough);
        context.DeclareOutput("dataset", passthrough, MlArtifacts.DatasetType, input.Artifact.PropertiesJson);
        return StepResult.Success;
    });

    public async ValueTask<IReadOnlyDictionary<string, string>> ExternalIdentityAsync(CacheKeyInput input, CancellationToken cancellationToken)
    {
        var identities = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Config["schema"] is JsonValue schema && schema.TryGetValue<string>(out var schemaPath) && schemaPath.Length > 0 && !ExternalState.IsOutputReference(schemaPath))
        {
            identities["schema"] = await ExternalState.ContentIdentityAsync(DataImportStep.ResolvePath(schemaPath, input.Params), cancellationToken);
        }

        if (input.Config["reference"] is JsonValue reference && reference.TryGetValue<string>(out var name) && name.Length > 0)
        {
            identities["reference"] = await ExternalState.DatasetAsync(services, name, cancellationToken);
        }

        return identities;
    }

    internal static string Summary(ValidationReport report)
    {
        var errors = report.Failures.Where(f => f.Severity == Severity.Error).ToList();
        var listed = string.Join("; ", errors.Take(5).Select(f => f.Message));
        var more = errors.Count > 5 ? $"; and {(errors.Count - 5).ToString(CultureInfo.InvariantCulture)} more" : "";
        return $"validation against {report.Against} failed with {report.Errors.ToString(CultureInfo.InvariantCulture)} error(s): {listed}{more}";
    }

    private async Task<(ValidationSchema Schema, ValidationMode Mode, string Against)> ExpectationsAsync(
        StepContext context, string path, DataFormat format, CancellationToken cancellationToken)
    {
        if (context.Config["schema"] is JsonObject inline)
        {
            return (DataJson.ParseValidationSchema(inline.ToJsonString()), ValidationMode.Schema, "schema");
        }

        if (MlConfig.String(context.Config, "schema") is { Length: > 0 } schemaPath)
        {
            await using var file = File.OpenRead(DataImportStep.ResolvePath(schemaPath, context.Params));
            return (await DataJson.ParseValidationSchemaAsync(file, cancellationToken), ValidationMode.Schema, schemaPath);
        }

        if (MlConfig.String(context.Config, "reference") is { Length: > 0 } reference)
        {
            var version = await services.Datasets.GetAsync(reference, includeProfile: true, cancellationToken);
            var expected = ValidationSchema.FromReference(
                DataJson.ParseSchema(version.SchemaJson),
                version.ProfileJson is { } profile ? DataJson.ParseProfile(profile) : null);
            return (expected, ValidationMode.Reference, $"{version.Name}@{version.Version}");
        }

        // Default checks: at least one row, and the label column when one is named.
        var columns = new List<Cairn.Data.Tables.ColumnSchema>();
        if (MlConfig.String(context.Config, "label") is { Length: > 0 } label)
        {
            await using var data = File.OpenRead(path);
            var (inferred, _) = await DatasetProfiler.ProfileAsync(data, format, cancellationToken: cancellationToken);
            columns.Add(inferred.Find(label) ?? new Cairn.Data.Tables.ColumnSchema(label, Cairn.Data.Tables.ColumnType.Categorical));
        }

        return (new ValidationSchema { Columns = columns, MinRows = 1 }, ValidationMode.Schema, "basic checks");
    }
}
