using System.Text.Json;

namespace Cairn.Server.Tests.Monitoring;

/// <summary>
/// The monitor over real traffic: a model trained on Seattle weather 2012–2013 serving 2014–2015 (warmer:
/// temp_max and temp_min drift, SciPy's ks_2samp gives p = 0.000223 and 0.00100; precipitation and wind do
/// not, p = 0.368 and 0.118), feedback with the true weather, alerts firing on the drifted window and
/// resolving on a window of training-like traffic.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class MonitoringFlowTests(MonitoringServerFixture fixture)
{
    private readonly MonitoringTraffic _traffic = new(fixture);

    [Fact]
    public async Task Monitor_OfDriftedTrafficWithFeedback_ReportsDriftPerformanceAndHealth_AndAlertsFireThenResolve()
    {
        var name = await _traffic.CreateDeploymentAsync("flow");
        var drifted = fixture.Rows.Where(r => r.Date.Year >= 2014).ToList();
        var predicted = await _traffic.SendAsync(name, "d", drifted);
        var actual = predicted.Keys.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => drifted[x.i].Weather);
        await _traffic.PostFeedbackAsync(name, actual);
        await _traffic.WaitForLogAsync(name, drifted.Count);
        var (rulesStatus, rulesBody) = await fixture.Server.SendAsync(HttpMethod.Put, $"/api/v1/deployments/{name}/alert-rules",
            """{"rules": [{"name": "dataset-drift", "metric": "drift_share", "op": ">=", "threshold": 0.5}, {"name": "warm", "metric": "feature_drift:temp_max", "op": "<", "threshold": 0.05}, {"name": "never", "metric": "accuracy", "op": "<", "threshold": 0}]}""");
        Assert.True(rulesStatus == 200, rulesBody.ToString());

        var (status, body) = await fixture.Server.SendAsync(HttpMethod.Post, $"/api/v1/deployments/{name}/monitor", "{}");

        Assert.True(status == 200, body.ToString());
        var report = body.GetProperty("report");
        Assert.Equal((name, "main", fixture.Model, 1L, (long)drifted.Count),
            (report.GetProperty("deployment").GetString(), report.GetProperty("variant").GetString(), report.GetProperty("model").GetString(),
                report.GetProperty("version").GetInt64(), report.GetProperty("rows").GetInt64()));
        var columns = report.GetProperty("feature_drift").GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!);
        Assert.Equal(["precipitation", "temp_max", "temp_min", "wind"], columns.Keys.Order(StringComparer.Ordinal));
        AssertColumn(columns["temp_max"], 0.00022261555527613506, drifted: true);
        AssertColumn(columns["temp_min"], 0.0010037687745457625, drifted: true);
        AssertColumn(columns["precipitation"], 0.368271218208749, drifted: false);
        AssertColumn(columns["wind"], 0.11843591514650695, drifted: false);
        var dataset = report.GetProperty("feature_drift");
        Assert.Equal((2, 0.5, true), (dataset.GetProperty("drifted_columns").GetInt32(), dataset.GetProperty("share").GetDouble(), dataset.GetProperty("drifted").GetBoolean()));

        var prediction = report.GetProperty("prediction_drift");
        Assert.Equal(("prediction", "chisquare"), (prediction.GetProperty("column").GetString(), prediction.GetProperty("method").GetString()));
        Assert.InRange(prediction.GetProperty("score").GetDouble(), 0, 1);
        Assert.Equal(drifted.Count, prediction.GetProperty("current_counts").EnumerateArray().Sum(c => c.GetInt64()));

        var performance = report.GetProperty("performance");
        var expectedAccuracy = predicted.Count(p => p.Value == actual[p.Key]) / (double)predicted.Count;
        Assert.Equal(("classification", (long)drifted.Count), (performance.GetProperty("task").GetString(), performance.GetProperty("labelled").GetInt64()));
        Assert.Equal(expectedAccuracy, performance.GetProperty("metrics").GetProperty("accuracy").GetDouble(), 9);
        Assert.InRange(performance.GetProperty("metrics").GetProperty("macro_f1").GetDouble(), 0, 1);

        var health = report.GetProperty("health");
        Assert.Equal(drifted.Count, health.GetProperty("requests").GetInt64());
        Assert.True(health.GetProperty("p50_ms").GetDouble() > 0);
        Assert.True(health.GetProperty("p99_ms").GetDouble() >= health.GetProperty("p50_ms").GetDouble());

        Assert.Equal(["dataset-drift", "warm"], report.GetProperty("firing_alerts").EnumerateArray().Select(a => a.GetString()));
        var reportId = report.GetProperty("id").GetInt64();
        var (_, fired) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/alerts");
        var firedEvents = fired.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(2, firedEvents.Count);
        Assert.All(firedEvents, e => Assert.Equal(("fired", reportId, "main"), (e.GetProperty("state").GetString(), e.GetProperty("report_id").GetInt64(), e.GetProperty("variant").GetString())));
        var warm = firedEvents.Single(e => e.GetProperty("rule").GetString() == "warm");
        Assert.Equal(0.00022261555527613506, warm.GetProperty("value").GetDouble(), 9);
        var (_, rulesWhileFiring) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/alert-rules");
        Assert.Equal([true, true, false], rulesWhileFiring.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("firing").GetBoolean()));

        // Traffic like the training data (the same days): nothing drifts, so both alerts resolve.
        var training = fixture.Rows.Where(r => r.Date.Year < 2014).ToList();
        await _traffic.SendAsync(name, "t", training);
        await _traffic.WaitForLogAsync(name, drifted.Count + training.Count);

        var (status2, body2) = await fixture.Server.SendAsync(HttpMethod.Post, $"/api/v1/deployments/{name}/monitor", $$"""{"last": {{training.Count}}}""");

        Assert.True(status2 == 200, body2.ToString());
        var report2 = body2.GetProperty("report");
        Assert.Equal(training.Count, report2.GetProperty("rows").GetInt64());
        Assert.Equal(0, report2.GetProperty("feature_drift").GetProperty("share").GetDouble());
        Assert.Empty(report2.GetProperty("firing_alerts").EnumerateArray());
        // No feedback for this window: no performance numbers, so the accuracy rule is neither evaluated nor fired.
        Assert.Equal(0, report2.GetProperty("performance").GetProperty("labelled").GetInt64());
        var (_, all) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/alerts");
        var events = all.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(["resolved", "resolved", "fired", "fired"], events.Select(e => e.GetProperty("state").GetString()));
        Assert.All(events.Take(2), e => Assert.Equal(report2.GetProperty("id").GetInt64(), e.GetProperty("report_id").GetInt64()));

        var (_, list) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/reports?max_results=10");
        Assert.Equal([report2.GetProperty("id").GetInt64(), reportId], list.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        var (getStatus, got) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/monitor/reports/{reportId}");
        Assert.Equal(200, getStatus);
        Assert.Equal(report.ToString(), got.GetProperty("report").ToString());
    }

    [Fact]
    public async Task Monitor_OfAnEmptyWindow_IsAReportWithNoRowsAndEveryColumnSkipped()
    {
        var name = await _traffic.CreateDeploymentAsync("empty");

        var (status, body) = await fixture.Server.SendAsync(HttpMethod.Post, $"/api/v1/deployments/{name}/monitor", """{"window_seconds": 3600}""");

        Assert.True(status == 200, body.ToString());
        var report = body.GetProperty("report");
        Assert.Equal(0, report.GetProperty("rows").GetInt64());
        var end = report.GetProperty("window_end").GetInt64();
        Assert.Equal(3_600_000, end - report.GetProperty("window_start").GetInt64());
        var columns = report.GetProperty("feature_drift").GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(4, columns.Count);
        Assert.All(columns, c => Assert.Equal("no predictions in the window", c.GetProperty("skipped").GetString()));
        Assert.False(report.GetProperty("feature_drift").GetProperty("drifted").GetBoolean());
        Assert.Equal("no predictions in the window", report.GetProperty("prediction_drift").GetProperty("skipped").GetString());
        Assert.Equal(0, report.GetProperty("performance").GetProperty("labelled").GetInt64());
        Assert.Equal(0, report.GetProperty("health").GetProperty("requests").GetInt64());
        var (getStatus, got) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/monitor/reports/{report.GetProperty("id").GetInt64()}");
        Assert.Equal(200, getStatus);
        Assert.Equal(report.ToString(), got.GetProperty("report").ToString());
    }

    [Fact]
    public async Task Scheduler_RunsAConfiguredMonitorEveryInterval()
    {
        var name = await _traffic.CreateDeploymentAsync("scheduled");
        var (put, config) = await fixture.Server.SendAsync(HttpMethod.Put, $"/api/v1/deployments/{name}/monitor/config", """{"interval_seconds": 1, "last": 10}""");
        Assert.True(put == 200, config.ToString());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement reports;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduler did not run the monitor twice within 30 s");
            await Task.Delay(200);
            (_, var list) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/reports");
            reports = list.GetProperty("reports");
        }
        while (reports.GetArrayLength() < 2);

        var times = reports.EnumerateArray().Select(r => r.GetProperty("created_at").GetInt64()).ToList();
        // Runs start an interval apart; a report is stamped when its run ends, so allow for the first run's own duration.
        Assert.True(times[0] - times[1] >= 500, $"runs {times[1]} and {times[0]} are less than an interval apart");
        var (_, after) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/config");
        // last_run_at is when the newest run started: after the older listed report was made.
        Assert.True(after.GetProperty("config").GetProperty("last_run_at").GetInt64() > times[1]);
        await fixture.Server.SendAsync(HttpMethod.Put, $"/api/v1/deployments/{name}/monitor/config", """{"last": 10}""");
    }

    private static void AssertColumn(JsonElement column, double pValue, bool drifted)
    {
        Assert.Equal(("numeric", "ks", true), (column.GetProperty("type").GetString(), column.GetProperty("method").GetString(), column.GetProperty("is_p_value").GetBoolean()));
        Assert.Equal(pValue, column.GetProperty("score").GetDouble(), 6);
        Assert.Equal(drifted, column.GetProperty("drifted").GetBoolean());
        Assert.Equal(731, column.GetProperty("reference_count").GetInt64());
        Assert.Equal(730, column.GetProperty("current_count").GetInt64());
        Assert.False(column.TryGetProperty("skipped", out _));
    }
}
