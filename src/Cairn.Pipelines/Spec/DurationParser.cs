using System.Globalization;
using System.Text.RegularExpressions;

namespace Cairn.Pipelines.Spec;

/// <summary>Durations as written in specs: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, or a number of seconds.</summary>
public static partial class DurationParser
{
    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var m = Pattern().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        value = m.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromSeconds(n),
        };
        return value > TimeSpan.Zero && value <= TimeSpan.FromDays(7);
    }
}
