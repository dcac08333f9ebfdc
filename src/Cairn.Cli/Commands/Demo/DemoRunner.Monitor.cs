using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Monitors;
using Cairn.Serving.PredictionLog;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Cli.Commands.Demo;

internal sealed partial class DemoRunner
{
    /// <summary>Runs the monitor once over the newest <paramref name="last"/> predictions (the same call as POST .../monitor).</summary>
    private async Task<MonitorReport> MonitorAsync(long last, CancellationToken cancellationToken)
    {
        await WaitForPredictionLogAsync(cancellationToken);
        var monitor = _app.Services.GetRequiredService<MonitorService>();
        return await monitor.RunAsync(new MonitorRequest(DemoSettings.Deployment, Last: last), cancellationToken);
    }

    /// <summary>
    /// The prediction log is written in batches (within a second): wait until every prediction sent so far is
    /// on disk, so the monitor sees the whole window.
    /// </summary>
    private async Task WaitForPredictionLogAsync(CancellationToken cancellationToken)
    {
        var log = _app.Services.GetRequiredService<PredictionLog>();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (true)
        {
            var stats = log.Stats;
            if (stats.Written + stats.Dropped + stats.NotSampled >= _traffic.Requests || TimeProvider.System.GetUtcNow() > deadline)
            {
                return;
            }

            await timeline.ProgressAsync($"waiting for the prediction log: {stats.Written}/{_traffic.Requests} written");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The held-out days come from the same years and seasons as the training data: no drift is expected.</summary>
    private async Task<bool> CheckHoldOutAsync(CancellationToken cancellationToken)
    {
        var report = await MonitorAsync(_data.HoldOut.Count, cancellationToken);
        var drifted = report.FeatureDrift?.Drifted == true;
        await timeline.AddAsync("monitor", drifted ? "holdout_drift" : "no_drift",
            drifted
                ? $"Monitor report {report.Id}: drift on the held-out days too ({Share(report)}) — unexpected for data from the training years"
                : $"Monitor report {report.Id} over the held-out days: no drift ({Share(report)}), as expected for days from the training years",
            _data.HoldOut[^1].Date,
            ReportData(report));
        _outcome["holdout_report"] = report.Id;
        _outcome["holdout_drift"] = drifted;
        return true;
    }

    private static string Share(MonitorReport report) => report.FeatureDrift is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d.DriftedColumns} of {d.Columns.Count(c => c.Skipped is null)} features drifted, share {d.Share:0.##} vs threshold {d.DriftShare:0.##}")
        : "no drift result";

    /// <summary>The numbers of a report a newcomer needs: window, share, each feature's test and score, live accuracy.</summary>
    private static JsonObject ReportData(MonitorReport report)
    {
        var data = new JsonObject
        {
            ["report"] = report.Id,
            ["model"] = $"{report.Model} v{report.Version} ({report.Variant})",
            ["rows"] = report.Rows,
        };
        if (report.FeatureDrift is { } drift)
        {
            data["drift_share"] = Math.Round(drift.Share, 4);
            data["dataset_drift"] = drift.Drifted;
            data["drifted_features"] = new JsonArray([.. drift.Columns.Where(c => c.Drifted).Select(c => (JsonNode)JsonValue.Create(c.Column))]);
            var features = new JsonObject();
            foreach (var column in drift.Columns.Where(c => c.Skipped is null))
            {
                features[column.Column] = string.Create(CultureInfo.InvariantCulture,
                    $"{column.Method} {(column.IsPValue ? "p" : "score")}={Format(column.Score)}{(column.Drifted ? " DRIFT" : "")}{Means(column)}");
            }

            data["features"] = features;
        }

        if (report.Performance is { } performance)
        {
            data["labelled"] = performance.Labelled;
            if (performance.Metrics.TryGetValue("accuracy", out var accuracy))
            {
                data["live_accuracy"] = Math.Round(accuracy, 4);
            }
        }

        return data;
    }

    private static string Means(ColumnDrift column) => column is { ReferenceMean: { } reference, CurrentMean: { } current }
        ? string.Create(CultureInfo.InvariantCulture, $" (mean {reference:0.##} → {current:0.##})")
        : "";

    private static string Format(double value) =>
        value != 0 && Math.Abs(value) < 0.0001 ? value.ToString("0.##E+0", CultureInfo.InvariantCulture) : value.ToString("0.####", CultureInfo.InvariantCulture);
}
