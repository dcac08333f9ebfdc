using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Pipelines.Steps.Ml;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Pipelines.Steps.Deploy;

/// <summary>
/// <c>deploy.rollout</c>: starts a progressive rollout of the model version a <c>model.register</c> step
/// registered (its <c>model_version</c> output) on <c>with.deployment</c>, through Core's
/// <see cref="IRolloutLauncher"/>; the server's rollout controller then moves it through the steps. The
/// step ends when the rollout has started (it does not wait for promotion). Its cache key holds the
/// registered version (the input's content), so a new version always starts a new rollout while a re-run
/// over the same version stays cached.
/// </summary>
public sealed class DeployRolloutStep(IServiceProvider services, MlServices ml) : IStep
{
    public const string ModelVersionType = "model_version";

    public string Kind => "deploy.rollout";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new(
    [
        new ConfigField("deployment", ConfigType.String, Required: true, "the deployment to roll out on"),
        new ConfigField("model", ConfigType.String, Description: "the registered model (default: from the register step's output)"),
        new ConfigField("version", ConfigType.Any, Description: "the version (default: the one the register step registered)"),
        new ConfigField("model_version", ConfigType.String, Description: "the register step's output to use (default: the one model_version input)"),
        new ConfigField("steps", ConfigType.Any, Description: "canary percentages, ascending, ending at 100 (default [10, 25, 50, 100])"),
        new ConfigField("interval", ConfigType.Any, Description: "time at each step before its analysis: seconds or 30s/5m/1h (default 60s)"),
        new ConfigField("min_samples", ConfigType.Any, Description: "requests and labelled predictions each arm needs (default 100)"),
        new ConfigField("metric", ConfigType.String, Description: "accuracy, mae, rmse or none (default accuracy)"),
        new ConfigField("max_drop", ConfigType.Any, Description: "tolerated drop versus the champion (default 0.02)"),
        new ConfigField("alpha", ConfigType.Any, Description: "significance level (default 0.05)"),
        new ConfigField("max_error_rate", ConfigType.Any, Description: "highest canary 5xx ratio (default 0.01)"),
        new ConfigField("max_p99_ms", ConfigType.Any, Description: "highest canary p99 latency in ms (default 500)"),
        new ConfigField("failure_limit", ConfigType.Any, Description: "failed analyses before rolling back (default 1)"),
        new ConfigField("inconclusive_limit", ConfigType.Any, Description: "inconclusive analyses before pausing (default 10)"),
    ]);

    public Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken) => MlStepRunner.GuardAsync(async () =>
    {
        var launcher = services.GetService<IRolloutLauncher>();
        if (launcher is null)
        {
            return StepResult.Failure("deploy.rollout needs a rollout launcher (IRolloutLauncher), which this process does not have: run the pipeline on a Cairn server.");
        }

        var deployment = MlConfig.RequiredString(context.Config, "deployment");
        var (model, version) = await TargetAsync(context, cancellationToken);
        var policy = Policy(context.Config);
        var run = await ml.Pipelines.GetRunAsync(context.RunId, cancellationToken);
        var trigger = $"pipeline:{run?.PipelineName ?? "?"} run {context.RunId} step {context.StepId}";
        var id = await launcher.StartAsync(new RolloutStart(deployment, model, version, policy, "pipeline", trigger), cancellationToken);

        context.Log($"started rollout {id} of {model} version {version} on {deployment}: steps {string.Join(",", policy.Steps)}, interval {policy.IntervalSeconds}s, metric {policy.Metric}");
        context.ReportMetric("rollout_id", id);
        var output = Path.Combine(context.OutputDirectory, "rollout.json");
        var descriptor = new JsonObject { ["id"] = id, ["deployment"] = deployment, ["model"] = model, ["version"] = version };
        await File.WriteAllTextAsync(output, descriptor.ToJsonString(), cancellationToken);
        context.DeclareOutput("rollout", output, "rollout", descriptor.ToJsonString());
        return StepResult.Success;
    });

    /// <summary>The model and version: from <c>with</c> when given, else from the register step's <c>model_version</c> output.</summary>
    private static async Task<(string Model, long Version)> TargetAsync(StepContext context, CancellationToken cancellationToken)
    {
        var model = MlConfig.String(context.Config, "model");
        var version = MlConfig.Number(context.Config, "version");
        if (model is { Length: > 0 } && version is { } v)
        {
            return (model, Whole("version", v));
        }

        var found = await MlArtifacts.FindAsync(context, "model_version", ModelVersionType, required: false, cancellationToken)
            ?? throw CairnException.InvalidParameter(
                $"Step '{context.StepId}' needs the model version to roll out: add the model.register step to 'needs', or set with.model and with.version.");
        var registered = JsonNode.Parse(await File.ReadAllTextAsync(found.Path, cancellationToken)) as JsonObject;
        var registeredModel = registered?["name"]?.GetValue<string>();
        var registeredVersion = registered?["version"]?.GetValue<string>();
        if (registeredModel is null || !long.TryParse(registeredVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw CairnException.InvalidParameter($"Input '{found.Input.Name}' is not a model.register output (no name and version).");
        }

        if (model is { Length: > 0 } && model != registeredModel)
        {
            throw MlConfig.Invalid("model", $"is '{model}' but the register step registered '{registeredModel}'");
        }

        return (registeredModel, version is { } given ? Whole("version", given) : number);
    }

    private static RolloutPolicy Policy(JsonObject config)
    {
        var d = new RolloutPolicy();
        return new RolloutPolicy
        {
            Steps = Steps(config) ?? d.Steps,
            IntervalSeconds = Interval(config) ?? d.IntervalSeconds,
            MinSamples = Int(config, "min_samples") ?? d.MinSamples,
            Metric = MlConfig.String(config, "metric") ?? d.Metric,
            MaxDrop = MlConfig.Number(config, "max_drop") ?? d.MaxDrop,
            Alpha = MlConfig.Number(config, "alpha") ?? d.Alpha,
            MaxErrorRate = MlConfig.Number(config, "max_error_rate") ?? d.MaxErrorRate,
            MaxP99Ms = MlConfig.Number(config, "max_p99_ms") ?? d.MaxP99Ms,
            FailureLimit = Int(config, "failure_limit") ?? d.FailureLimit,
            InconclusiveLimit = Int(config, "inconclusive_limit") ?? d.InconclusiveLimit,
        };
    }

    private static List<int>? Steps(JsonObject config) => config["steps"] switch
    {
        null => null,
        JsonArray a => [.. a.Select((n, i) => n is JsonValue v && v.TryGetValue<long>(out var s) && s is >= int.MinValue and <= int.MaxValue
            ? (int)s
            : throw MlConfig.Invalid($"steps[{i}]", "must be an integer percentage"))],
        JsonValue v when v.TryGetValue<string>(out var text) => [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw MlConfig.Invalid("steps", "must be a list of integer percentages"))],
        _ => throw MlConfig.Invalid("steps", "must be a list of integer percentages, e.g. [10, 25, 50, 100]"),
    };

    /// <summary>Seconds from a number or a duration text (<c>30s</c>, <c>5m</c>, <c>1h</c>).</summary>
    private static double? Interval(JsonObject config)
    {
        if (config["interval"] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0 && text[^1] is 's' or 'm' or 'h')
        {
            var unit = text[^1] switch { 's' => 1, 'm' => 60, _ => 3600 };
            return double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                ? amount * unit
                : throw MlConfig.Invalid("interval", "must be seconds or a duration such as 30s, 5m or 1h");
        }

        return MlConfig.Number(config, "interval");
    }

    private static int? Int(JsonObject config, string key) => MlConfig.Number(config, key) is { } n ? (int)Whole(key, n) : null;

    private static long Whole(string key, double value) =>
        value == Math.Floor(value) && value is >= int.MinValue and <= long.MaxValue / 2 ? (long)value : throw MlConfig.Invalid(key, "must be a whole number");
}
