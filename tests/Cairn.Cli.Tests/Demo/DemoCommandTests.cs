using Cairn.Cli.Commands.Demo;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Demo;

/// <summary>The demo's command line, its home handling and its data split (no server needed).</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_WithPortOutOfRange_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("demo", "--port", "70000", "--no-serve");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--port", result.Error);
    }

    [Fact]
    public async Task Demo_WithANonEmptyHomeItDidNotMake_RefusesToWipeIt()
    {
        using var home = new TempDirectory();
        var precious = Path.Combine(home.Path, "precious.txt");
        await File.WriteAllTextAsync(precious, "keep me");
        var result = await CliRunner.RunAsync("demo", "--home", home.Path, "--port", "0", "--no-serve");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("not made by `cairn demo`", result.Error);
        Assert.True(File.Exists(precious));
    }

    [Fact]
    public async Task DemoHelp_NamesTheOptions()
    {
        var result = await CliRunner.RunAsync("demo", "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--home", "--port", "--no-serve", "--fast", "--json" })
        {
            Assert.Contains(option, result.Out);
        }
    }

    [Fact]
    public void Data_HoldsOutARandomFifthOf2012To2013_AndReplays2014And2015InOrder()
    {
        var data = DemoData.Load();
        Assert.Equal(731, data.Training.Count + data.HoldOut.Count);
        Assert.Equal(146, data.HoldOut.Count);
        Assert.Empty(data.Training.Select(d => d.Date).Intersect(data.HoldOut.Select(d => d.Date)));

        // Spread over both years and every season, so the held-out days look like the training days.
        Assert.Equal(12, data.HoldOut.Select(d => d.Date.Month).Distinct().Count());
        Assert.Equal(2, data.HoldOut.Select(d => d.Date.Year).Distinct().Count());
        Assert.Equal(365, data.Year2014.Count);
        Assert.Equal(365, data.Year2015.Count);
        Assert.True(data.Year2014.Zip(data.Year2014.Skip(1)).All(p => p.First.Date < p.Second.Date));
    }
}
