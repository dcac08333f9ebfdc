using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Commands;

public sealed class DbUpgradeTests : IDisposable
{
    private readonly TempDirectory _home = new("cairn-cli-db");

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Upgrade_OnAnEmptyHome_AppliesTheMigrations_ThenHasNothingLeftToDo()
    {
        var first = await CliRunner.RunAsync("db", "upgrade", "--home", _home.Path);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"SQLite {Path.Combine(_home.Path, "cairn.db")}", first.Out, StringComparison.Ordinal);
        Assert.Matches(@"Applied \d+ migration\(s\):", first.Out);
        Assert.Contains("_InitialCreate", first.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_home.Path, "cairn.db")));

        var second = await CliRunner.RunAsync("db", "upgrade", "--home", _home.Path, "--json");

        Assert.True(second.ExitCode == 0, second.ToString());
        var json = JsonDocument.Parse(second.Out).RootElement;
        Assert.Equal("SQLite", json.GetProperty("provider").GetString());
        Assert.Equal(0, json.GetProperty("applied_migrations").GetArrayLength());
    }
}
