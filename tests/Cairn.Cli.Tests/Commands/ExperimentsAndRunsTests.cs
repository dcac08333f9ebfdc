using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Commands;

[Collection(CliServerCollection.Name)]
public sealed class ExperimentsAndRunsTests(CairnServerFixture server)
{
    private readonly Uri _server = server.BaseAddress;

    private static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task ExperimentsCreate_PrintsTheId_AndListShowsIt()
    {
        var name = NewName("cli");

        var id = (await CliRunner.RunOkAsync(_server, "experiments", "create", name)).Trim();
        var listed = await CliRunner.RunOkAsync(_server, "experiments", "list");

        Assert.Matches("^[0-9]+$", id);
        var row = Assert.Single(listed.Split(Environment.NewLine), line => line.Contains(name, StringComparison.Ordinal));
        Assert.StartsWith(id + " ", row.TrimStart(), StringComparison.Ordinal);
        Assert.StartsWith("ID", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExperimentsCreate_Duplicate_ExitsWithOne_AndPrintsTheErrorCode()
    {
        var name = NewName("dup");
        await CliRunner.RunOkAsync(_server, "experiments", "create", name);

        var result = await CliRunner.RunAsync("experiments", "create", name, "--server", _server.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: RESOURCE_ALREADY_EXISTS: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsCreate_LogsEverything_AndShowPrintsParamsMetricsAndTags()
    {
        var experiment = NewName("tour");

        var runId = (await CliRunner.RunOkAsync(
            _server, "runs", "create", "--experiment", experiment, "--name", "first",
            "--param", "lr=0.1", "--param", "layers=3", "--metric", "loss=0.9", "--metric", "loss=0.5", "--metric", "acc=0.8", "--tag", "team=ml")).Trim();

        Assert.Matches("^[0-9a-f]{32}$", runId);
        var shown = await CliRunner.RunOkAsync(_server, "runs", "show", runId);
        Assert.Matches(@"Status\s+FINISHED", shown);
        Assert.Matches(@"Name\s+first", shown);
        Assert.Matches(@"(?m)^lr\s+0\.1$", shown);
        Assert.Matches(@"(?m)^layers\s+3$", shown);
        Assert.Matches(@"(?m)^loss\s+0\.5\s+1\s", shown);
        Assert.Matches(@"(?m)^acc\s+0\.8\s+0\s", shown);
        Assert.Matches(@"(?m)^team\s+ml$", shown);

        var json = JsonDocument.Parse(await CliRunner.RunOkAsync(_server, "runs", "show", runId, "--json")).RootElement.GetProperty("run");
        Assert.Equal(runId, json.GetProperty("info").GetProperty("run_id").GetString());
        Assert.Equal(2, json.GetProperty("data").GetProperty("params").GetArrayLength());
    }

    [Fact]
    public async Task RunsList_ByNameOrId_ShowsTheExperimentsRuns()
    {
        var experiment = NewName("list");
        var first = (await CliRunner.RunOkAsync(_server, "runs", "create", "-e", experiment, "--metric", "acc=0.7")).Trim();
        var second = (await CliRunner.RunOkAsync(_server, "runs", "create", "-e", experiment, "--metric", "acc=0.9")).Trim();
        var experimentId = JsonDocument.Parse(await CliRunner.RunOkAsync(_server, "runs", "show", first, "--json"))
            .RootElement.GetProperty("run").GetProperty("info").GetProperty("experiment_id").GetString()!;

        var byName = await CliRunner.RunOkAsync(_server, "runs", "list", "--experiment", experiment);
        var byId = JsonDocument.Parse(await CliRunner.RunOkAsync(_server, "runs", "list", "--experiment", experimentId, "--json")).RootElement;

        Assert.Contains(first, byName, StringComparison.Ordinal);
        Assert.Contains(second, byName, StringComparison.Ordinal);
        Assert.Contains("acc", byName.Split(Environment.NewLine)[0], StringComparison.Ordinal);
        Assert.Equal(
            new[] { first, second }.Order(StringComparer.Ordinal),
            byId.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("info").GetProperty("run_id").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunsSearch_FilterAndOrderBy_PrintsMatchingRunsInOrder()
    {
        var experiment = NewName("search");
        var low = (await CliRunner.RunOkAsync(_server, "runs", "create", "-e", experiment, "--metric", "acc=0.6")).Trim();
        var high = (await CliRunner.RunOkAsync(_server, "runs", "create", "-e", experiment, "--metric", "acc=0.95")).Trim();
        var excluded = (await CliRunner.RunOkAsync(_server, "runs", "create", "-e", experiment, "--metric", "acc=0.2")).Trim();

        var output = await CliRunner.RunOkAsync(_server, "runs", "search", "-e", experiment, "--filter", "metrics.acc > 0.5", "--order-by", "metrics.acc DESC");

        var lines = output.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(high, lines[1], StringComparison.Ordinal);
        Assert.StartsWith(low, lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(excluded, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsSearch_BadFilter_ExitsWithOne_WithTheServersMessage()
    {
        var experiment = NewName("bad");
        await CliRunner.RunOkAsync(_server, "experiments", "create", experiment);

        var result = await CliRunner.RunAsync("runs", "search", "-e", experiment, "--filter", "metrics.acc > 0.5 OR metrics.acc < 0.1", "--server", _server.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: INVALID_PARAMETER_VALUE: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsShow_UnknownRun_ExitsWithOne()
    {
        var result = await CliRunner.RunAsync("runs", "show", "0123456789abcdef0123456789abcdef", "--server", _server.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: RESOURCE_DOES_NOT_EXIST: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsList_UnknownExperiment_ExitsWithOne()
    {
        var result = await CliRunner.RunAsync("runs", "list", "-e", NewName("missing"), "--server", _server.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("RESOURCE_DOES_NOT_EXIST", result.Error, StringComparison.Ordinal);
    }
}
