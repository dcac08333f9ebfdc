using System.Globalization;
using System.Text;

namespace Cairn.Monitoring.Reports;

/// <summary>
/// Escaping and formatting for the report. The markup is XHTML-compatible (every element closed, every
/// attribute quoted, only the five XML entities) so it parses as XML as well as HTML.
/// </summary>
internal static class Html
{
    /// <summary>Escapes text and attribute values: every user string (column, deployment, category, alert names) goes through here.</summary>
    internal static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                // Control characters are not allowed in XML 1.0; a user string must not break the document.
                case < ' ' and not '\t' and not '\n' and not '\r': builder.Append('\uFFFD'); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A score or metric: 4 significant decimals, scientific notation for tiny p-values.</summary>
    internal static string Number(double value) => value switch
    {
        _ when double.IsNaN(value) => "—",
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        0 => "0",
        _ when Math.Abs(value) < 0.001 => value.ToString("0.00E+0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>A coordinate in SVG user units (invariant culture, two decimals).</summary>
    internal static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Percent(double ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    internal static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    internal static string ShortTime(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Shortens long labels (axis ticks); the full text stays in a title.</summary>
    internal static string Truncate(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
