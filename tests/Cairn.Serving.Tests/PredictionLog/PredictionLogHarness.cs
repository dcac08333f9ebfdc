using Cairn.Core.Serving;
using Cairn.Serving.PredictionLog;
using Cairn.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cairn.Serving.Tests.PredictionLog;

/// <summary>A prediction log and its writer over a private directory, plus record builders.</summary>
internal sealed class PredictionLogHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory = new("cairn-predlog");
    private bool _started;
    private bool _stopped;

    public PredictionLogHarness(Action<PredictionLogOptions>? configure = null)
    {
        Options = new PredictionLogOptions { Directory = _directory.Path, FlushInterval = TimeSpan.FromMilliseconds(50) };
        configure?.Invoke(Options);
        Log = new Serving.PredictionLog.PredictionLog(Microsoft.Extensions.Options.Options.Create(Options));
        Writer = new PredictionLogWriter(Log, TimeProvider.System, NullLogger<PredictionLogWriter>.Instance);
        Reader = new PredictionLogReader(_directory.Path);
    }

    public PredictionLogOptions Options { get; }

    public Serving.PredictionLog.PredictionLog Log { get; }

    public PredictionLogWriter Writer { get; }

    public PredictionLogReader Reader { get; }

    public string Root => _directory.Path;

    public static long Ms(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static PredictionRecord Record(string requestId, long timestamp, string deployment = "weather", string variant = "blue",
        bool shadow = false, IReadOnlyDictionary<string, object?>? inputs = null) => new()
    {
        Deployment = deployment,
        Variant = variant,
        Model = "seattle",
        Version = 3,
        RequestId = requestId,
        Timestamp = timestamp,
        Shadow = shadow,
        Inputs = inputs ?? new Dictionary<string, object?> { ["x"] = 1.5, ["city"] = "Seattle" },
        Label = "rain",
        Score = 0.75,
        Probabilities = [0.75, 0.25],
        LatencyMicros = 120,
    };

    public Task StartAsync()
    {
        _started = true;
        return Writer.StartAsync(CancellationToken.None);
    }

    public async Task StopAsync()
    {
        _stopped = true;
        await Writer.StopAsync(CancellationToken.None);
    }

    public Task<PredictionLogColumns> ReadAllAsync(string deployment = "weather", PredictionOutputs outputs = PredictionOutputs.All) =>
        Reader.ReadAsync(new PredictionLogQuery { Deployment = deployment, Outputs = outputs }, CancellationToken.None);

    public IEnumerable<string> Files() => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories);

    public async ValueTask DisposeAsync()
    {
        if (_started && !_stopped)
        {
            await Writer.StopAsync(CancellationToken.None);
        }

        Writer.Dispose();
        _directory.Dispose();
    }
}
