using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Commands;

[Collection(CliServerCollection.Name)]
public sealed class ModelsTests(CairnServerFixture server)
{
    private readonly Uri _server = server.BaseAddress;

    private async Task<(string Name, string RunId)> RegisterTwoVersionsAsync()
    {
        var name = $"churn-{Guid.NewGuid():N}";
        var runId = (await CliRunner.RunOkAsync(_server, "runs", "create", "-e", $"models-{Guid.NewGuid():N}", "--metric", "acc=0.9")).Trim();
        Assert.Contains("version 1", await CliRunner.RunOkAsync(_server, "models", "register", name, "--run", runId), StringComparison.Ordinal);
        Assert.Contains("version 2", await CliRunner.RunOkAsync(_server, "models", "register", name, "--run", runId), StringComparison.Ordinal);
        return (name, runId);
    }

    [Fact]
    public async Task Alias_PointsAtAVersion_AndShowListsVersionsWithAliases()
    {
        var (name, runId) = await RegisterTwoVersionsAsync();

        var set = await CliRunner.RunOkAsync(_server, "models", "alias", name, "champion", "1");
        var shown = await CliRunner.RunOkAsync(_server, "models", "show", name);

        Assert.Equal($"{name}@champion -> version 1", set.Trim());
        Assert.Matches(@"Aliases\s+champion→v1", shown);
        var versionRows = shown.Split(Environment.NewLine).SkipWhile(l => !l.StartsWith("VERSION", StringComparison.Ordinal)).Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(2, versionRows.Count);
        Assert.Matches(@"^\s*2\s", versionRows[0]);
        Assert.Matches($@"^\s*1\s+champion\s+None\s+READY\s+{runId}", versionRows[1]);
    }

    [Fact]
    public async Task AliasDelete_RemovesIt_AndTheJsonShowHasNoAliases()
    {
        var (name, _) = await RegisterTwoVersionsAsync();
        await CliRunner.RunOkAsync(_server, "models", "alias", name, "candidate", "2");

        await CliRunner.RunOkAsync(_server, "models", "alias", name, "candidate", "--delete");
        var json = JsonDocument.Parse(await CliRunner.RunOkAsync(_server, "models", "show", name, "--json")).RootElement;

        Assert.False(json.GetProperty("registered_model").TryGetProperty("aliases", out _));
        Assert.Equal(2, json.GetProperty("model_versions").GetArrayLength());
    }

    [Fact]
    public async Task List_ShowsEachModelWithItsLatestVersion()
    {
        var (name, _) = await RegisterTwoVersionsAsync();

        var listed = await CliRunner.RunOkAsync(_server, "models", "list", "--filter", $"name = '{name}'");

        var lines = listed.TrimEnd().Split(Environment.NewLine);
        Assert.StartsWith("NAME", lines[0], StringComparison.Ordinal);
        Assert.Matches($@"^{name}\s+2\s", Assert.Single(lines.Skip(1)));
    }

    [Fact]
    public async Task Alias_ToAMissingVersion_ExitsWithOne()
    {
        var (name, _) = await RegisterTwoVersionsAsync();

        var result = await CliRunner.RunAsync("models", "alias", name, "champion", "9", "--server", _server.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: RESOURCE_DOES_NOT_EXIST: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownModel_ExitsWithOne()
    {
        var result = await CliRunner.RunAsync("models", "show", $"nope-{Guid.NewGuid():N}", "--server", _server.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: RESOURCE_DOES_NOT_EXIST: ", result.Error, StringComparison.Ordinal);
    }
}
