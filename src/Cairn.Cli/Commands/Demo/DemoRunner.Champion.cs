using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Contracts.Native.Deployments;

namespace Cairn.Cli.Commands.Demo;

internal sealed partial class DemoRunner
{
    private long _championVersion;

    /// <summary>Trains and registers the champion on 2012–2013 (minus the held-out days).</summary>
    private async Task<bool> TrainChampionAsync(CancellationToken cancellationToken)
    {
        var submitted = await _client.SubmitPipelineRunAsync(DemoPipelines.Spec("champion.yaml"), "champion.yaml", workingDirectory: settings.DemoDirectory, cancellationToken: cancellationToken);
        var run = await DemoPipelines.WaitAsync(_client, submitted.RunId, timeline, "training the champion", cancellationToken);
        if (run.Run.Status != "COMPLETE")
        {
            await timeline.AddAsync("train", "failed", $"Training the champion failed: {DemoPipelines.Failure(run)}");
            return false;
        }

        var version = await _client.GetModelVersionByAliasAsync(DemoSettings.Model, "champion", cancellationToken);
        _championVersion = long.Parse(version.Version, CultureInfo.InvariantCulture);
        var accuracy = DemoPipelines.Metric(version, "accuracy");
        var f1 = DemoPipelines.Metric(version, "macro_f1");
        _outcome["champion_version"] = _championVersion;
        await timeline.AddAsync("train", "trained",
            $"Pipeline weather-champion trained LightGBM on {_data.Training.Count} days of 2012–2013 (the other {_data.HoldOut.Count} held out) and registered {DemoSettings.Model} v{_championVersion} as @champion",
            data: new JsonObject
            {
                ["pipeline_run"] = submitted.RunId,
                ["model"] = $"{DemoSettings.Model} v{_championVersion}",
                ["test_accuracy"] = accuracy,
                ["test_macro_f1"] = f1,
                ["training_days"] = _data.Training.Count,
            });
        return true;
    }

    private async Task DeployAsync(CancellationToken cancellationToken)
    {
        var deployment = await _client.CreateDeploymentAsync(
            new CreateDeploymentRequest(DemoSettings.Deployment, [new DeploymentVariantDto("champion", DemoSettings.Model, Alias: "champion", Weight: 100)],
                Description: "cairn demo: Seattle weather type", Reason: "cairn demo: serve the champion"),
            cancellationToken);
        await timeline.AddAsync("deploy", "deployed", $"Deployment '{deployment.Name}' serves the champion (v{_championVersion}) at 100%: POST /api/v1/deployments/{deployment.Name}/predict",
            data: new JsonObject { ["deployment"] = deployment.Name, ["variants"] = Variants(deployment) });
    }

    /// <summary>Replays the held-out 2012–2013 days (one request each) and lets their feedback arrive.</summary>
    private async Task ReplayHoldOutAsync(CancellationToken cancellationToken)
    {
        var days = _data.HoldOut;
        for (var i = 0; i < days.Count; i++)
        {
            await _traffic.ReplayDayAsync(days[i], 1, cancellationToken);
            if (i % 10 == 0)
            {
                await timeline.ProgressAsync($"held-out days: {i + 1}/{days.Count}");
            }
        }

        await _traffic.DeliverFeedbackAsync(null, cancellationToken);
        var arm = _traffic.Arms.Values.FirstOrDefault();
        await timeline.AddAsync("holdout", "holdout_replayed",
            $"Replayed {days.Count} held-out days of 2012–2013 (spread over both years, never trained on) as traffic, with their feedback",
            days[^1].Date,
            new JsonObject { ["requests"] = days.Count, ["client_side_accuracy"] = Round(arm?.Accuracy) });
        _traffic.ResetArms();
    }

    internal static JsonArray Variants(DeploymentDto deployment) =>
        [.. deployment.Variants.Select(v => (JsonNode)JsonValue.Create($"{v.Name}=v{v.Version}:{v.Weight}{(v.Mode == "shadow" ? " (shadow)" : "")}"))];

    internal static double? Round(double? value) => value is { } v && !double.IsNaN(v) ? Math.Round(v, 4) : null;
}
