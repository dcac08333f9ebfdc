using System.Globalization;

namespace Cairn.Cli.Output;

/// <summary>How values look in tables: local times to the second, short durations, compact numbers.</summary>
public static class Formats
{
    public static string Time(long? unixMs) =>
        unixMs is { } ms and > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : string.Empty;

    public static string Duration(long? startMs, long? endMs)
    {
        if (startMs is not { } start || endMs is not { } end || end < start)
        {
            return string.Empty;
        }

        var span = TimeSpan.FromMilliseconds(end - start);
        return span.TotalSeconds < 60 ? span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes}m {span.Seconds:00}s"
            : $"{(int)span.TotalHours}h {span.Minutes:00}m";
    }

    public static string Number(double? value) => value switch
    {
        null => string.Empty,
        { } v when double.IsNaN(v) => "NaN",
        { } v when double.IsPositiveInfinity(v) => "Infinity",
        { } v when double.IsNegativeInfinity(v) => "-Infinity",
        { } v => v.ToString("G6", CultureInfo.InvariantCulture),
    };
}
