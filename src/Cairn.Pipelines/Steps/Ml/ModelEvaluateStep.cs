using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Core.Errors;
using Cairn.Data.Formats;
using Cairn.Data.Reading;
using Cairn.Training.Bundles;
using Cairn.Training.Evaluation;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>
/// <c>model.evaluate</c>: scores the <c>model</c> input on the <c>test</c> dataset, reports every metric,
/// writes the evaluation report (<c>report</c>) and applies the gates. A failing gate fails the step
/// (so nothing downstream, such as registration, runs) with each failed gate's metric, value and threshold;
/// the report is still published, as an output of the FAILED execution. The cache key follows the
/// version each <c>compare_to</c> gate resolves to now, so moving an alias re-evaluates.
/// </summary>
public sealed class ModelEvaluateStep(MlServices services) : IStep, ICacheKeyContributor
{
    // The report is read by people (in the log too): keep '<' and '>' of the gate reasons as they are.
    private static readonly JsonSerializerOptions ReportJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions LogJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Kind => "model.evaluate";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new(
    [
        new ConfigField("model", ConfigType.String, Description: "the model bundle (default: the one model input)"),
        new ConfigField("test", ConfigType.String, Description: "the dataset to evaluate on (default: the input slot 'test')"),
        new ConfigField("gates", ConfigType.List, Description: "[{metric, min|max}] or [{metric, compare_to: alias:NAME, model, max_drop}]"),
    ]);

    public Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken) => MlStepRunner.GuardAsync(async () =>
    {
        var gates = EvaluationGates.Parse(context.Config["gates"]);
        var (modelInput, modelPath) = (await MlArtifacts.FindAsync(context, "model", MlArtifacts.ModelType, required: true, cancellationToken))!.Value;
        var (testInput, testPath) = (await MlArtifacts.FindAsync(context, "test", MlArtifacts.DatasetType, required: true, cancellationToken))!.Value;
        var bundle = await ModelBundle.LoadAsync(modelPath, cancellationToken);
        var label = bundle.Manifest.Label ?? throw CairnException.InvalidParameter("The model bundle names no label column, so it cannot be evaluated.");
        var test = await TableReader.ReadFileAsync(testPath, DataFormats.Resolve(null, testPath), null, cancellationToken);
        EvaluationReport evaluation;
        using (var scorer = bundle.CreateScorer())
        {
            evaluation = await Task.Run(() => ModelEvaluator.Evaluate(scorer, test, label, cancellationToken), cancellationToken);
        }

        foreach (var (name, value) in evaluation.Metrics)
        {
            context.ReportMetric(name, value);
            context.Log($"{name} = {value:G6}");
        }

        var results = await EvaluationGates.EvaluateAsync(evaluation.Metrics, gates, (gate, ct) => BaselineAsync(gate, ct), cancellationToken);
        foreach (var result in results)
        {
            context.Log($"gate {(result.Passed ? "passed" : "FAILED")}: {result.Reason}");
        }

        var report = Report(evaluation, results);
        var reportPath = Path.Combine(context.OutputDirectory, "evaluation.json");
        await File.WriteAllTextAsync(reportPath, report.ToJsonString(ReportJson), cancellationToken);
        var failed = results.Where(r => !r.Passed).ToList();
        // Declared before the verdict: a failed gate publishes the report too, with every gate's result.
        context.DeclareOutput("report", reportPath, MlArtifacts.ReportType, new JsonObject
        {
            ["metrics"] = Metrics(evaluation),
            ["passed"] = failed.Count == 0,
            [MlArtifacts.DatasetVersionsKey] = MlArtifacts.ToArray(MlArtifacts.DatasetVersions(modelInput).Concat(MlArtifacts.DatasetVersions(testInput))),
        }.ToJsonString(), keepOnFailure: true);
        if (failed.Count > 0)
        {
            context.Log(report.ToJsonString(LogJson));
            return StepResult.Failure($"gate failed: {string.Join("; ", failed.Select(f => f.Reason))}");
        }

        return StepResult.Success;
    });

    /// <summary><c>gates[i]</c> → the version its <c>compare_to</c> resolves to now (<c>model version N</c>), or <c>none</c>.</summary>
    public async ValueTask<IReadOnlyDictionary<string, string>> ExternalIdentityAsync(CacheKeyInput input, CancellationToken cancellationToken)
    {
        var identities = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<EvaluationGate> gates;
        try
        {
            gates = EvaluationGates.Parse(input.Config["gates"]);
        }
        catch (CairnException)
        {
            return identities; // Reported when the step runs.
        }

        for (var i = 0; i < gates.Count; i++)
        {
            if (gates[i] is { CompareTo: { } target, Model: { } model })
            {
                Cairn.Core.Registry.ModelVersion? version;
                try
                {
                    version = await ComparedVersionAsync(model, target, cancellationToken);
                }
                catch (CairnException)
                {
                    continue; // A malformed compare_to (or no registry here): the step reports it when it runs.
                }

                identities[$"gates[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}].compare_to"] =
                    version is null ? ExternalState.None : $"{model} version {version.Version}";
            }
        }

        return identities;
    }

    private static JsonObject Report(EvaluationReport evaluation, IReadOnlyList<GateResult> results) => new()
    {
        ["task"] = TaskName(evaluation.Task),
        ["rows"] = evaluation.RowCount,
        ["metrics"] = Metrics(evaluation),
        ["passed"] = results.All(r => r.Passed),
        ["gates"] = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
        {
            ["metric"] = r.Gate.Metric,
            ["passed"] = r.Passed,
            ["reason"] = r.Reason,
        })]),
    };

    private static string TaskName(Cairn.Training.ModelTask task) => task switch
    {
        Cairn.Training.ModelTask.BinaryClassification => "binary",
        Cairn.Training.ModelTask.MulticlassClassification => "multiclass",
        _ => "regression",
    };

    private static JsonObject Metrics(EvaluationReport evaluation)
    {
        var metrics = new JsonObject();
        foreach (var (name, value) in evaluation.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            metrics[name] = double.IsFinite(value) ? value : null;
        }

        return metrics;
    }

    /// <summary>The compared version's metric: its <c>cairn.metric.*</c> tag, else its bundle's manifest metrics.</summary>
    private async Task<(double? Value, string Note)> BaselineAsync(EvaluationGate gate, CancellationToken cancellationToken)
    {
        if (await ComparedVersionAsync(gate.Model!, gate.CompareTo!, cancellationToken) is not { } version)
        {
            return (null, "not registered yet");
        }

        var compared = $"version {version.Version}";
        var tag = version.Tags.FirstOrDefault(t => t.Key == ModelRegisterStep.MetricTagPrefix + gate.Metric);
        if (tag is not null && double.TryParse(tag.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var tagged))
        {
            return (tagged, compared);
        }

        await using var stream = await services.Artifacts.OpenReadAsync(ModelRegisterStep.ArtifactPath(version.DownloadUri), cancellationToken);
        if (stream is null)
        {
            return (null, $"version {version.Version} has no readable bundle");
        }

        var bundle = await ModelBundle.LoadAsync(stream, cancellationToken);
        return bundle.Manifest.Metrics.TryGetValue(gate.Metric, out var value) ? (value, compared) : (null, $"version {version.Version} has no {gate.Metric}");
    }

    /// <summary>The version <c>alias:NAME</c> / <c>version:N</c> of <paramref name="model"/> names now, or null when there is none.</summary>
    private async Task<Cairn.Core.Registry.ModelVersion?> ComparedVersionAsync(string model, string compareTo, CancellationToken cancellationToken)
    {
        var (kind, target) = EvaluationGates.ParseTarget(compareTo);
        // MLflow answers an unknown alias with INVALID_PARAMETER_VALUE, an unknown model with RESOURCE_DOES_NOT_EXIST.
        try
        {
            return kind == "alias"
                ? await services.Registry.GetModelVersionByAliasAsync(model, target, cancellationToken)
                : await services.Registry.GetModelVersionAsync(model, target, cancellationToken);
        }
        catch (CairnException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            return null;
        }
    }
}
