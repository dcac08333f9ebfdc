using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Cli.Commands.Demo;

/// <summary>
/// Collects the timeline and prints it: as a table while it happens (time, +elapsed, replayed day, phase,
/// message, then the key numbers indented), or, with <c>--json</c>, as one JSON document at the end.
/// Progress while waiting goes to the error stream on an interactive terminal only.
/// </summary>
internal sealed class DemoTimeline(TextWriter output, TextWriter error, bool json, TimeProvider time, bool interactive)
{
    // Readable JSON: "2012–2013" and quotes stay as they are (the output is not embedded in HTML).
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<DemoEvent> _events = [];
    private readonly long _started = time.GetTimestamp();
    private bool _progressShown;

    public IReadOnlyList<DemoEvent> Events => _events;

    public bool Json => json;

    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    public async Task AddAsync(string phase, string kind, string message, DateOnly? day = null, JsonObject? data = null)
    {
        var entry = new DemoEvent(time.GetUtcNow(), Elapsed, day, phase, kind, message, data ?? []);
        _events.Add(entry);
        if (json)
        {
            return;
        }

        await ClearProgressAsync();
        var dayText = day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{entry.Time:HH:mm:ss} {FormatElapsed(entry.Elapsed),7}  {dayText,-10}  {phase,-8}  {message}"));
        foreach (var (key, value) in entry.Data)
        {
            await output.WriteLineAsync($"{"",38}{key}: {Describe(value)}");
        }

        await output.FlushAsync();
    }

    /// <summary>A one-line progress note, overwritten by the next (only on a terminal; logs and --json stay clean).</summary>
    public async Task ProgressAsync(string text)
    {
        if (!interactive)
        {
            return;
        }

        await error.WriteAsync($"\r  … {text}".PadRight(100));
        await error.FlushAsync();
        _progressShown = true;
    }

    public async Task ClearProgressAsync()
    {
        if (_progressShown)
        {
            await error.WriteAsync("\r" + new string(' ', 100) + "\r");
            _progressShown = false;
        }
    }

    /// <summary>The whole timeline as one JSON document (with what to explore next).</summary>
    public async Task WriteJsonAsync(JsonObject summary, CancellationToken cancellationToken)
    {
        var events = new JsonArray();
        foreach (var e in _events)
        {
            var item = new JsonObject
            {
                ["time"] = e.Time.ToString("O", CultureInfo.InvariantCulture),
                ["elapsed_seconds"] = Math.Round(e.Elapsed.TotalSeconds, 3),
                ["phase"] = e.Phase,
                ["kind"] = e.Kind,
                ["message"] = e.Message,
            };
            if (e.Day is { } day)
            {
                item["day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            item["data"] = e.Data.DeepClone();
            events.Add(item);
        }

        summary["events"] = events;
        await output.WriteLineAsync(summary.ToJsonString(JsonOptions));
        await output.FlushAsync(cancellationToken);
    }

    private static string FormatElapsed(TimeSpan elapsed) =>
        elapsed.TotalSeconds < 100
            ? string.Create(CultureInfo.InvariantCulture, $"+{elapsed.TotalSeconds:0.0}s")
            : string.Create(CultureInfo.InvariantCulture, $"+{(int)elapsed.TotalMinutes}m{elapsed.Seconds:00}s");

    private static string Describe(JsonNode? value) => value switch
    {
        null => "-",
        JsonValue v when v.TryGetValue<double>(out var d) => Number(d),
        JsonValue v => v.ToString(),
        JsonArray a => string.Join(", ", a.Select(Describe)),
        JsonObject o => string.Join(", ", o.Select(p => $"{p.Key} {Describe(p.Value)}")),
        _ => value.ToJsonString(),
    };

    private static string Number(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < 1e15
            ? d.ToString("0", CultureInfo.InvariantCulture)
            : Math.Abs(d) < 0.001 ? d.ToString("0.###E+0", CultureInfo.InvariantCulture) : d.ToString("0.####", CultureInfo.InvariantCulture);
}
