using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Monitor;

public sealed class MonitorRunTests(MonitorRunFixture fixture) : IClassFixture<MonitorRunFixture>
{
    [Fact]
    public async Task Run_OnDriftedTraffic_PrintsEachFeatureTestAndTheSummary()
    {
        var output = await CliRunner.RunOkAsync(fixture.Server.BaseAddress, "monitor", "run", "--deployment", fixture.Deployment, "--last", "1000");

        Assert.Contains($"{fixture.Deployment}/main", output, StringComparison.Ordinal);
        var lines = output.Split('\n');
        var header = Assert.Single(lines, l => l.StartsWith("COLUMN", StringComparison.Ordinal));
        Assert.Equal(["COLUMN", "TYPE", "TEST", "SCORE", "THRESHOLD", "DRIFT"], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // Fewer than 1000 reference rows per test? No: 731 training rows, so KS (p-values) on the numeric features.
        var tempMax = Assert.Single(lines, l => l.StartsWith("temp_max ", StringComparison.Ordinal));
        Assert.Contains(" ks ", tempMax, StringComparison.Ordinal);
        Assert.Contains("p < 0.05", tempMax, StringComparison.Ordinal);
        Assert.EndsWith("DRIFT", tempMax.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("prediction (output)", StringComparison.Ordinal));
        Assert.Contains("Drift is detected for ", output, StringComparison.Ordinal);
        Assert.Contains($"Performance (classification, {fixture.Served} labelled): accuracy ", output, StringComparison.Ordinal);
        Assert.Contains($"Health: {fixture.Served} requests", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RunsAndWritesTheHtmlWithEveryFeature()
    {
        using var directory = new TempDirectory("monitor-run");
        var path = Path.Combine(directory.Path, "weather.html");

        var output = await CliRunner.RunOkAsync(fixture.Server.BaseAddress, "monitor", "report", "--deployment", fixture.Deployment, "--window", "1d", "--html", path);

        Assert.Contains($"to {path}", output, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(path);
        foreach (var feature in new[] { "precipitation", "temp_max", "temp_min", "wind" })
        {
            Assert.Contains($"<td><b>{feature}</b></td>", html, StringComparison.Ordinal);
        }

        Assert.Contains("Drift is detected for ", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Performance</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Json_IsTheApiReport_AndFeedsTheGauges()
    {
        var output = await CliRunner.RunOkAsync(fixture.Server.BaseAddress, "monitor", "run", "--deployment", fixture.Deployment, "--variant", "main", "--json");

        using var json = JsonDocument.Parse(output);
        var report = json.RootElement.GetProperty("report");
        Assert.Equal(fixture.Served, report.GetProperty("rows").GetInt64());
        var columns = report.GetProperty("feature_drift").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("column").GetString()).ToList();
        Assert.Contains("temp_max", columns);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var metrics = "";
        while (!metrics.Contains($"cairn_dataset_drift_share{{deployment=\"{fixture.Deployment}\"", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "no drift gauge for the deployment after 30 s");
            await Task.Delay(200);
            metrics = await fixture.Server.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        Assert.Contains($"cairn_feature_drift_detected{{deployment=\"{fixture.Deployment}\",variant=\"main\"", metrics, StringComparison.Ordinal);
        Assert.Contains("feature=\"temp_max\",method=\"ks\"} 1\n", metrics, StringComparison.Ordinal);
    }
}
