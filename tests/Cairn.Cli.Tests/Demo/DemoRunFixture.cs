using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Cli.Tests.Demo;

/// <summary>
/// Runs <c>cairn demo --fast --no-serve --json</c> once (real server in-process, real pipelines, real
/// traffic) and keeps its timeline for the tests of <see cref="DemoEndToEndTests"/>.
/// </summary>
public sealed class DemoRunFixture : IAsyncLifetime
{
    private readonly TempDirectory _home = new("cairn-demo-test");

    public CliResult Result { get; private set; } = null!;

    public JsonElement Timeline { get; private set; }

    public IReadOnlyList<JsonElement> Events { get; private set; } = [];

    public string Home => _home.Path;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CairnCli.RunAsync(["demo", "--home", _home.Path, "--port", "0", "--no-serve", "--fast", "--json"], stdout, stderr, timeout.Token);
        Result = new CliResult(exit, stdout.ToString(), stderr.ToString());
        if (Result.Out.TrimStart().StartsWith('{'))
        {
            using var document = JsonDocument.Parse(Result.Out);
            Timeline = document.RootElement.Clone();
            Events = [.. Timeline.GetProperty("events").EnumerateArray()];
        }
    }

    public Task DisposeAsync()
    {
        _home.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The events of a kind (optionally of one phase), in timeline order.</summary>
    public IReadOnlyList<JsonElement> OfKind(string kind, string? phase = null) =>
        [.. Events.Where(e => e.GetProperty("kind").GetString() == kind && (phase is null || e.GetProperty("phase").GetString() == phase))];

    public JsonElement Single(string kind, string? phase = null)
    {
        var matches = OfKind(kind, phase);
        Assert.True(matches.Count == 1, $"expected one '{kind}' event{(phase is null ? "" : $" in phase {phase}")}, got {matches.Count}:\n{Result}");
        return matches[0];
    }

    /// <summary>Position of the first event of a kind (for ordering assertions).</summary>
    public int IndexOf(string kind, string? phase = null)
    {
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i].GetProperty("kind").GetString() == kind && (phase is null || Events[i].GetProperty("phase").GetString() == phase))
            {
                return i;
            }
        }

        return -1;
    }
}
