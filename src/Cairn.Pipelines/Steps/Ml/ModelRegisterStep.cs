using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Registry;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>
/// <c>model.register</c>: uploads the <c>model</c> bundle to the artifact store and registers it as a new
/// version of <c>with.model</c>, tagged with its lineage (<c>cairn.pipeline_run</c>, <c>cairn.pipeline</c>,
/// <c>cairn.dataset_versions</c>, <c>cairn.flavor</c>) and its evaluation metrics (<c>cairn.metric.*</c>,
/// read by later <c>compare_to</c> gates); moves <c>with.alias</c> to it when given.
/// </summary>
public sealed class ModelRegisterStep(MlServices services) : IStep
{
    public const string MetricTagPrefix = "cairn.metric.";
    private const string ProxyScheme = "mlflow-artifacts:/";

    public string Kind => "model.register";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new(
    [
        new ConfigField("model", ConfigType.String, Required: true, "the registered model name (created when missing)"),
        new ConfigField("alias", ConfigType.String, Description: "an alias to point at the new version, e.g. candidate"),
        new ConfigField("description", ConfigType.String, Description: "the version's description"),
        new ConfigField("tags", ConfigType.StringMap, Description: "extra version tags"),
        new ConfigField("bundle", ConfigType.String, Description: "the model bundle (default: the one model input)"),
        new ConfigField("report", ConfigType.String, Description: "the evaluation report (default: the one report input, if any)"),
    ]);

    /// <summary>The artifact store path behind a version source written by this step.</summary>
    public static string ArtifactPath(string source) => source.StartsWith(ProxyScheme, StringComparison.Ordinal) ? source[ProxyScheme.Length..].TrimStart('/') : source;

    public Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken) => MlStepRunner.GuardAsync(async () =>
    {
        var name = MlConfig.RequiredString(context.Config, "model");
        var (modelInput, modelPath) = (await MlArtifacts.FindAsync(context, "bundle", MlArtifacts.ModelType, required: true, cancellationToken))!.Value;
        var report = await MlArtifacts.FindAsync(context, "report", MlArtifacts.ReportType, required: false, cancellationToken);
        var run = await services.Pipelines.GetRunAsync(context.RunId, cancellationToken);

        // The bundle gets a path of its own (this run, this step, this attempt), so a version's files never change.
        var path = $"registry/{name}/{context.RunId}/{context.StepId}/{context.Attempt.ToString(CultureInfo.InvariantCulture)}/model.zip";
        await using (var bundle = File.OpenRead(modelPath))
        {
            await services.Artifacts.PutAsync(path, bundle, cancellationToken);
        }

        var properties = MlArtifacts.Properties(modelInput);
        var datasets = MlArtifacts.DatasetVersions(modelInput).Concat(report is { } r ? MlArtifacts.DatasetVersions(r.Input) : []);
        var tags = new List<KeyValue>
        {
            new("cairn.pipeline_run", context.RunId),
            new("cairn.pipeline", run?.PipelineName ?? ""),
            new("cairn.pipeline_step", context.StepId),
            new("cairn.dataset_versions", string.Join(",", MlArtifacts.ToArray(datasets).Select(n => n!.GetValue<string>()))),
            new("cairn.flavor", properties["flavor"]?.GetValue<string>() ?? "mlnet"),
            new("cairn.model_sha256", modelInput.Artifact.ContentHash),
        };
        if (properties["trainer"]?.GetValue<string>() is { } trainer)
        {
            tags.Add(new("cairn.trainer", trainer));
        }

        if (report is { } evaluation && MlArtifacts.Properties(evaluation.Input)["metrics"] is JsonObject metrics)
        {
            foreach (var (metric, value) in metrics)
            {
                if (value is JsonValue v && v.TryGetValue<double>(out var number))
                {
                    tags.Add(new(MetricTagPrefix + metric, number.ToString("R", CultureInfo.InvariantCulture)));
                }
            }
        }

        foreach (var (key, value) in MlConfig.ScalarMap(context.Config, "tags"))
        {
            tags.Add(new(key, value));
        }

        await EnsureModelAsync(name, cancellationToken);
        var version = await ExistingAsync(name, context, cancellationToken) ?? await services.Registry.CreateModelVersionAsync(new NewModelVersion
        {
            Name = name,
            Source = ProxyScheme + path,
            RunId = run?.TrackingRunId,
            Description = MlConfig.String(context.Config, "description") ?? $"Registered by pipeline {run?.PipelineName} run {context.RunId}",
            Tags = tags,
        }, cancellationToken);
        var versionText = version.Version.ToString(CultureInfo.InvariantCulture);
        if (MlConfig.String(context.Config, "alias") is { Length: > 0 } alias)
        {
            await services.Registry.SetAliasAsync(name, alias, versionText, cancellationToken);
        }

        context.Log($"registered {name} version {versionText} from {path}");
        context.ReportMetric("registered_version", version.Version);
        var output = Path.Combine(context.OutputDirectory, "model_version.json");
        var descriptor = new JsonObject { ["name"] = name, ["version"] = versionText, ["source"] = ProxyScheme + path };
        await File.WriteAllTextAsync(output, descriptor.ToJsonString(), cancellationToken);
        context.DeclareOutput("model_version", output, "model_version", descriptor.ToJsonString());
        return StepResult.Success;
    });

    /// <summary>
    /// The version an earlier attempt of this step registered (it may have died after registering, e.g.
    /// in a restart): a retry reuses it rather than registering the same model twice.
    /// </summary>
    private async Task<ModelVersion?> ExistingAsync(string name, StepContext context, CancellationToken cancellationToken)
    {
        if (name.Contains('\'', StringComparison.Ordinal))
        {
            return null; // Not expressible in a filter string; such a retry registers again.
        }

        var filter = $"name = '{name}' and tags.`cairn.pipeline_run` = '{context.RunId}' and tags.`cairn.pipeline_step` = '{context.StepId}'";
        var page = await services.Registry.SearchModelVersionsAsync(filter, 1, null, null, cancellationToken);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    private async Task EnsureModelAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await services.Registry.CreateRegisteredModelAsync(name, null, null, cancellationToken);
        }
        catch (CairnException e) when (e.Code == ErrorCode.ResourceAlreadyExists)
        {
            // Registered by an earlier run.
        }
    }
}
