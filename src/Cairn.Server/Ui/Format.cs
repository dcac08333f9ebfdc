using System.Globalization;

namespace Cairn.Server.Ui;

/// <summary>How the UI writes times, durations, numbers and sizes (invariant culture, UTC).</summary>
public static class Format
{
    /// <summary>Unix milliseconds as <c>2026-11-25 14:03:07</c> (UTC); empty for 0 or null.</summary>
    public static string Time(long? unixMs) =>
        unixMs is null or <= 0 ? "" : DateTimeOffset.FromUnixTimeMilliseconds(unixMs.Value).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Unix milliseconds as a plotly date axis value (<c>2026-11-25 14:03:07.250</c>, UTC).</summary>
    public static string ChartTime(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds as <c>850 ms</c>, <c>12.3 s</c>, <c>4m 05s</c> or <c>2h 10m</c>.</summary>
    public static string Duration(long? ms) => ms switch
    {
        null or < 0 => "",
        < 1_000 => $"{ms} ms",
        < 60_000 => (ms.Value / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 3_600_000 => $"{ms / 60_000}m {ms % 60_000 / 1000:00}s",
        _ => $"{ms / 3_600_000}h {ms % 3_600_000 / 60_000:00}m",
    };

    /// <summary>The duration between two unix-ms times, or empty while the second is unknown.</summary>
    public static string Duration(long? startMs, long? endMs) =>
        startMs is > 0 && endMs is > 0 && endMs >= startMs ? Duration(endMs - startMs) : "";

    /// <summary>A metric value: up to 4 significant decimals, exponent notation for tiny or huge values.</summary>
    public static string Number(double? value) => value switch
    {
        null => "",
        double v when double.IsNaN(v) => "NaN",
        double v when double.IsInfinity(v) => v > 0 ? "∞" : "-∞",
        double v when v == 0 => "0",
        double v when Math.Abs(v) is < 1e-4 or >= 1e9 => v.ToString("0.###e+0", CultureInfo.InvariantCulture),
        double v => v.ToString("#,0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>A share as a percentage, e.g. <c>25 %</c> or <c>12.5 %</c>.</summary>
    public static string Percent(double? share) =>
        share is null ? "" : (share.Value * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>Bytes as <c>512 B</c>, <c>1.5 KB</c>, <c>3.2 MB</c>, ...</summary>
    public static string Bytes(long? bytes)
    {
        if (bytes is null or < 0)
        {
            return "";
        }

        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes.Value;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : value.ToString("0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>A long id shortened for tables (the full id stays in the link and its title).</summary>
    public static string ShortId(string id, int length = 8) => id.Length <= length ? id : id[..length];
}
