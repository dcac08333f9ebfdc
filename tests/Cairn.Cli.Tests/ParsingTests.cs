using System.Net;
using System.Net.Sockets;

namespace Cairn.Cli.Tests;

/// <summary>Usage errors and exit codes that need no server.</summary>
public sealed class ParsingTests
{
    [Fact]
    public async Task Help_ListsTheCommandGroups_AndExitsZero()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "server", "db", "experiments", "runs", "models", "--server", "--json" })
        {
            Assert.Contains(command, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HelpOnASubcommand_ShowsItsOptions()
    {
        var result = await CliRunner.RunAsync("runs", "search", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--order-by", result.Out, StringComparison.Ordinal);
        Assert.Contains("--filter", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runs", "list")]
    [InlineData("runs", "frobnicate")]
    [InlineData("experiments", "create")]
    [InlineData("runs", "create", "-e", "x", "--param", "no-equals-sign")]
    [InlineData("runs", "create", "-e", "x", "--metric", "acc=high")]
    [InlineData("runs", "create", "-e", "x", "--status", "Running")]
    [InlineData("runs", "list", "-e", "x", "--max-results", "many")]
    [InlineData("--server", "ftp://example", "experiments", "list")]
    [InlineData("models", "alias", "m", "champion")]
    [InlineData("models", "alias", "m", "champion", "1", "--delete")]
    [InlineData("runs")]
    public async Task UsageErrors_ExitWithTwo_AndSayWhatIsWrong(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task ServerNotListening_ExitsWithThree_AndSuggestsStartingIt()
    {
        var url = $"http://127.0.0.1:{UnusedPort()}";

        var result = await CliRunner.RunAsync("experiments", "list", "--server", url);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.StartsWith($"cannot reach the Cairn server at {url}/", result.Error, StringComparison.Ordinal);
        Assert.Contains("is `cairn server` running?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerUrl_ComesFromCairnServerWhenNotGiven()
    {
        var url = $"http://127.0.0.1:{UnusedPort()}";
        var before = Environment.GetEnvironmentVariable("CAIRN_SERVER");
        Environment.SetEnvironmentVariable("CAIRN_SERVER", url);
        try
        {
            var result = await CliRunner.RunAsync("runs", "show", "0123456789abcdef0123456789abcdef");

            Assert.Equal(3, result.ExitCode);
            Assert.Contains(url, result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CAIRN_SERVER", before);
        }
    }

    [Theory]
    [InlineData("70000", "--port must be between 0 and 65535 (got 70000).")]
    [InlineData("-1", "--port must be between 0 and 65535 (got -1).")]
    public async Task Server_InvalidPort_PrintsTheValidationMessage_AndExitsWithTwo(string port, string message)
    {
        var result = await CliRunner.RunAsync("server", "--port", port, "--home", Path.Combine(Path.GetTempPath(), $"cairn-unused-{Guid.NewGuid():N}"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {message}", result.Error.Trim());
    }

    [Fact]
    public async Task Server_HomeThatIsAFile_IsAnOptionsError()
    {
        var file = Path.GetTempFileName();
        try
        {
            var result = await CliRunner.RunAsync("server", "--port", "0", "--home", file);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("is a file; it must be a directory", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
