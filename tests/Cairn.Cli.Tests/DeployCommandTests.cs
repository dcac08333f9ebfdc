using System.Text.Json;
using Cairn.Testing.Deployments;

namespace Cairn.Cli.Tests;

[CollectionDefinition(Name)]
public sealed class DeployServerCollection : ICollectionFixture<DeploymentsServerFixture>
{
    public const string Name = "cli against a server with registered models";
}

/// <summary><c>cairn deploy ...</c> in-process against a real server with real models.</summary>
[Collection(DeployServerCollection.Name)]
public sealed class DeployCommandTests(DeploymentsServerFixture server)
{
    private static string UniqueName() => "cli-" + Guid.NewGuid().ToString("N")[..8];

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync([.. args, "--server", server.BaseAddress.ToString()]);

    [Fact]
    public async Task Deploy_CreateChangeAndHistory_PrintTablesAndJson()
    {
        var name = UniqueName();
        var m = server.Model;

        var create = await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "create", name,
            "--variant", $"champion={m}@champion:90", "--variant", $"challenger={m}/2:10", "--sticky-key", "header:X-User-Id",
            "--reason", "first rollout", "--user", "alice");
        Assert.Contains($"Created deployment '{name}'", create);
        Assert.Matches(@"champion\s+" + m + @"\s+1\s+champion\s+live\s+90", create);

        var list = await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "list");
        Assert.Matches(name + @"\s+ACTIVE\s+1\s+champion=" + m + "/1", list);

        await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "set-weights", name, "champion=50", "challenger=50", "--reason", "even split", "--user", "bob");
        await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "promote", name, "challenger", "--user", "carol");
        await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "rollback", name, "--reason", "regression");
        await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "pause", name);
        var resumed = await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "resume", name, "--json");
        var show = JsonDocument.Parse(await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "show", name, "--json")).RootElement.GetProperty("deployment");

        Assert.Equal("ACTIVE", JsonDocument.Parse(resumed).RootElement.GetProperty("deployment").GetProperty("status").GetString());
        Assert.Equal(6, show.GetProperty("revision").GetInt64());
        Assert.Equal([50, 50], show.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("weight").GetInt32()));

        var history = await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "history", name);
        var lines = history.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("SEQ", lines[0]);
        Assert.Matches(@"^\s*6\s+\S+ \S+\s+\S+\s+resume", lines[1]);
        Assert.Contains(lines, l => l.Contains("alice", StringComparison.Ordinal) && l.Contains("create", StringComparison.Ordinal) && l.EndsWith("first rollout", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bob", StringComparison.Ordinal) && l.Contains("set_weights", StringComparison.Ordinal) && l.EndsWith("even split", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("carol", StringComparison.Ordinal) && l.Contains("promote", StringComparison.Ordinal));

        var json = JsonDocument.Parse(await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "history", name, "--json", "--max", "2")).RootElement;
        Assert.Equal(["resume", "pause"], json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));

        Assert.Contains("Deleted", await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "delete", name, "--reason", "done"));
        var gone = await RunAsync("deploy", "show", name);
        Assert.Equal(ExitCodes.ApiError, gone.ExitCode);
        Assert.Contains("RESOURCE_DOES_NOT_EXIST", gone.Error);
    }

    [Fact]
    public async Task Deploy_Update_AddsAShadowVariant_AndRefusesAnEmptyChange()
    {
        var name = UniqueName();
        var m = server.Model;
        await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "create", name, "--variant", $"champion={m}/1");

        var updated = await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "update", name,
            "--variant", $"champion={m}/1:100", "--variant", $"candidate={m}/2:shadow", "--reason", "shadow the baseline", "--json");
        var empty = await RunAsync("deploy", "update", name);

        var deployment = JsonDocument.Parse(updated).RootElement.GetProperty("deployment");
        Assert.Equal(2, deployment.GetProperty("revision").GetInt64());
        Assert.Equal(["live", "shadow"], deployment.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("mode").GetString()));
        Assert.Equal(ExitCodes.Usage, empty.ExitCode);
        Assert.Contains("nothing to change", empty.Error, StringComparison.Ordinal);
        var history = JsonDocument.Parse(await CliRunner.RunOkAsync(server.BaseAddress, "deploy", "history", name, "--json")).RootElement;
        Assert.Equal("shadow the baseline", history.GetProperty("events")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Deploy_BadInput_ExitsWithUsageOrApiError()
    {
        var name = UniqueName();

        var badVariant = await RunAsync("deploy", "create", name, "--variant", "champion");
        var badWeightSyntax = await RunAsync("deploy", "set-weights", name, "champion:90");
        var missingVariant = await RunAsync("deploy", "create", name);
        var badSum = await RunAsync("deploy", "create", name, "--variant", $"a={server.Model}/1:60", "--variant", $"b={server.Model}/2:30");
        var staleRevision = await RunAsync("deploy", "pause", "no-such-deployment", "--revision", "3");

        Assert.Equal(ExitCodes.Usage, badVariant.ExitCode);
        Assert.Contains("invalid --variant 'champion'", badVariant.Error);
        Assert.Equal(ExitCodes.Usage, badWeightSyntax.ExitCode);
        Assert.Equal(ExitCodes.Usage, missingVariant.ExitCode);
        Assert.Equal(ExitCodes.ApiError, badSum.ExitCode);
        Assert.Contains("sum to 100", badSum.Error);
        Assert.Equal(ExitCodes.ApiError, staleRevision.ExitCode);
        Assert.Contains("does not exist", staleRevision.Error);
    }
}
