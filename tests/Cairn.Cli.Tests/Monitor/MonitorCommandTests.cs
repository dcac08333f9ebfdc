using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Monitor;

public sealed class MonitorCommandTests(CairnServerFixture server) : IClassFixture<CairnServerFixture>
{
    private static string NewName() => "mon-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Reports_ListsStoredReportsNewestFirst()
    {
        var name = NewName();
        var (older, latest) = await MonitorSeed.SeedAsync(server.App.Services, name);

        var output = await CliRunner.RunOkAsync(server.BaseAddress, "monitor", "reports", "--deployment", name);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(latest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[1].TrimStart(), StringComparison.Ordinal);
        Assert.Contains("50%", lines[1], StringComparison.Ordinal);
        Assert.Contains("accuracy 0.75", lines[1], StringComparison.Ordinal);
        Assert.Contains("drift-high", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(older.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[2].TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithId_WritesTheHtmlFileAndSaysWhere()
    {
        var name = NewName();
        var (_, latest) = await MonitorSeed.SeedAsync(server.App.Services, name);
        using var directory = new TempDirectory("monitor-report");
        var path = Path.Combine(directory.Path, "out", "report.html");

        var output = await CliRunner.RunOkAsync(server.BaseAddress, "monitor", "report", "--id", latest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--html", path);

        Assert.Contains($"Wrote report {latest.Id} ({name}/main) to {path}", output, StringComparison.Ordinal);
        Assert.Contains("Drift is detected for 50% of columns (1 out of 2): DATASET DRIFT", output, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(path);
        Assert.Contains("temp_max", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Json_KeepsStdoutOneJsonDocument()
    {
        var name = NewName();
        var (_, latest) = await MonitorSeed.SeedAsync(server.App.Services, name);
        using var directory = new TempDirectory("monitor-report");
        var path = Path.Combine(directory.Path, "r.html");

        var result = await CliRunner.RunAsync("monitor", "report", "--id", latest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--html", path, "--json",
            "--server", server.BaseAddress.ToString());

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(latest.Id, json.RootElement.GetProperty("report").GetProperty("id").GetInt64());
        Assert.Contains(path, result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Config_SetsScheduleWindowAndColumnOverride()
    {
        var name = NewName();
        await MonitorSeed.SeedAsync(server.App.Services, name);

        var output = await CliRunner.RunOkAsync(server.BaseAddress, "monitor", "config", "--deployment", name, "--interval", "5m", "--last", "500",
            "--column", "temp_max:psi:0.2", "--drift-share", "0.3");
        var shown = await CliRunner.RunOkAsync(server.BaseAddress, "monitor", "config", "--deployment", name);

        Assert.Contains($"Updated the monitor config of '{name}'.", output, StringComparison.Ordinal);
        Assert.Contains("every 5m", shown, StringComparison.Ordinal);
        Assert.Contains("last 500 predictions", shown, StringComparison.Ordinal);
        Assert.Contains("Column temp_max", shown, StringComparison.Ordinal);
        Assert.Contains("psi, threshold 0.2", shown, StringComparison.Ordinal);
        Assert.Contains("0.3", shown, StringComparison.Ordinal);

        var window = await CliRunner.RunOkAsync(server.BaseAddress, "monitor", "config", "--deployment", name, "--window", "1h", "--json");
        using var json = JsonDocument.Parse(window);
        var config = json.RootElement.GetProperty("config");
        Assert.Equal(3600, config.GetProperty("window_seconds").GetDouble());
        Assert.False(config.TryGetProperty("last", out _));
        Assert.Equal(300, config.GetProperty("interval_seconds").GetDouble());

        var reset = await CliRunner.RunOkAsync(server.BaseAddress, "monitor", "config", "--deployment", name, "--interval", "off", "--column", "temp_max:default");
        Assert.Contains("not scheduled", reset, StringComparison.Ordinal);
        Assert.DoesNotContain("Column temp_max", reset, StringComparison.Ordinal);
        Assert.Contains("last 1h", reset, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertRules_SetListAndClear()
    {
        var name = NewName();
        await MonitorSeed.SeedAsync(server.App.Services, name);

        var set = await CliRunner.RunOkAsync(server.BaseAddress, "monitor", "alert-rules", "--deployment", name,
            "--set", "low-acc:accuracy:<:0.8", "--set", "temp:feature_drift:temp_max:>=:0.1");
        var listed = await CliRunner.RunOkAsync(server.BaseAddress, "monitor", "alert-rules", "--deployment", name, "--json");
        var cleared = await CliRunner.RunOkAsync(server.BaseAddress, "monitor", "alert-rules", "--deployment", name, "--clear", "--json");

        Assert.Contains("low-acc", set, StringComparison.Ordinal);
        Assert.Contains("feature_drift:temp_max", set, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(listed);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["low-acc", "temp"], rules.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(">=", rules[1].GetProperty("op").GetString());
        Assert.Equal(0.1, rules[1].GetProperty("threshold").GetDouble());
        using var none = JsonDocument.Parse(cleared);
        Assert.Empty(none.RootElement.TryGetProperty("rules", out var r) ? r.EnumerateArray().ToList() : []);
    }

    [Fact]
    public async Task Alerts_NoEvents_PrintsHeaderOnly()
    {
        var name = NewName();
        await MonitorSeed.SeedAsync(server.App.Services, name);

        var output = await CliRunner.RunOkAsync(server.BaseAddress, "monitor", "alerts", "--deployment", name);

        Assert.Equal("TIME  RULE  VARIANT  STATE  CONDITION  VALUE  REPORT", output.Trim());
    }

    [Theory]
    [InlineData("monitor", "run", "--deployment", "x", "--last", "5", "--window", "1h")]
    [InlineData("monitor", "run", "--deployment", "x", "--window", "soon")]
    [InlineData("monitor", "alert-rules", "--deployment", "x", "--set", "bad:accuracy:!=:1")]
    [InlineData("monitor", "alert-rules", "--deployment", "x", "--set", "bad:accuracy:<:high")]
    [InlineData("monitor", "report")]
    [InlineData("monitor", "run")]
    public async Task BadUsage_ExitsWithUsageCode(params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, "--server", server.BaseAddress.ToString()]);

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public async Task Reports_UnknownDeployment_IsApiError()
    {
        var result = await CliRunner.RunAsync("monitor", "reports", "--deployment", "no-such-" + NewName(), "--server", server.BaseAddress.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("RESOURCE_DOES_NOT_EXIST", result.Error, StringComparison.Ordinal);
    }
}
