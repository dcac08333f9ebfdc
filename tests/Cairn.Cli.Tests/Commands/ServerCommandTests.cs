using System.Text.RegularExpressions;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Commands;

public sealed partial class ServerCommandTests : IDisposable
{
    private readonly TempDirectory _home = new("cairn-cli-server");

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Server_PrintsItsUrl_ServesRequests_AndStopsGracefullyWhenCanceled()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var output = TextWriter.Synchronized(stdout);
        using var cancel = new CancellationTokenSource();

        var running = CairnCli.RunAsync(["server", "--port", "0", "--home", _home.Path], output, TextWriter.Synchronized(stderr), cancel.Token);
        Uri? url = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (url is null)
        {
            Assert.False(running.IsCompleted, $"the server stopped early: {stderr}");
            Assert.True(DateTime.UtcNow < deadline, "the server did not print its URL in time");
            var match = ListeningLine().Match(stdout.ToString());
            url = match.Success ? new Uri(match.Groups[1].Value) : null;
            await Task.Delay(20);
        }

        using (var http = new HttpClient { BaseAddress = url })
        {
            Assert.Equal("OK", await http.GetStringAsync("/health"));
        }

        var listed = await CliRunner.RunAsync("experiments", "list", "--server", url.ToString());
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains("Default", listed.Out, StringComparison.Ordinal);

        await cancel.CancelAsync();
        var exit = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exit);
        Assert.Contains(Path.Combine(_home.Path, "cairn.db"), stdout.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex ListeningLine();
}
