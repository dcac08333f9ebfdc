using System.Globalization;
using System.Text.Json;
using Cairn.Core.Errors;
using Cairn.Data.Tables;

namespace Cairn.Training.Views;

/// <summary>
/// Reads table columns (or single values) as the kind a view column needs, coercing between
/// compatible types so a scoring table whose types were inferred differently still scores.
/// </summary>
internal static class ValueReader
{
    public static void ReadFloats(DataColumn column, int[]? rows, DatePart? part, float[] target)
    {
        var n = target.Length;
        switch (column.Schema.Type)
        {
            case ColumnType.Numeric when part is null:
                var numbers = column.Numbers!;
                for (var i = 0; i < n; i++)
                {
                    target[i] = (float)numbers[rows?[i] ?? i];
                }

                break;
            case ColumnType.DateTime:
                var times = column.Times!;
                for (var i = 0; i < n; i++)
                {
                    target[i] = DatePartOf(times[rows?[i] ?? i], part ?? DatePart.Year);
                }

                break;
            case ColumnType.Boolean when part is null:
                var bools = column.Booleans!;
                for (var i = 0; i < n; i++)
                {
                    target[i] = ToFloat(bools[rows?[i] ?? i]);
                }

                break;
            case ColumnType.Categorical or ColumnType.Text:
                var strings = column.Strings!;
                for (var i = 0; i < n; i++)
                {
                    target[i] = part is { } p ? DatePartOf(ParseDate(strings[rows?[i] ?? i], column.Name), p) : ParseFloat(strings[rows?[i] ?? i], column.Name);
                }

                break;
            default:
                throw Mismatch(column.Name, column.Schema.Type, part is null ? "numeric" : "datetime");
        }
    }

    public static void ReadTexts(DataColumn column, int[]? rows, ReadOnlyMemory<char>[] target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            var row = rows?[i] ?? i;
            target[i] = column.Schema.Type switch
            {
                ColumnType.Categorical or ColumnType.Text => column.Strings![row].AsMemory(),
                ColumnType.Numeric => FormatNumber(column.Numbers![row]).AsMemory(),
                ColumnType.Boolean => FormatBool(column.Booleans![row]).AsMemory(),
                _ => column.Times![row]?.ToString("O", CultureInfo.InvariantCulture).AsMemory() ?? default,
            };
        }
    }

    /// <summary>A single value (CLR primitive, string, DateTime or JsonElement) as a float.</summary>
    public static float ToFloat(object? value, string name, DatePart? part)
    {
        if (part is { } p)
        {
            return DatePartOf(ToDate(value, name), p);
        }

        return value switch
        {
            null => float.NaN,
            double d => (float)d,
            float f => f,
            int i => i,
            long l => l,
            decimal m => (float)m,
            bool b => b ? 1f : 0f,
            string s => ParseFloat(s, name),
            JsonElement { ValueKind: JsonValueKind.Number } e => (float)e.GetDouble(),
            JsonElement { ValueKind: JsonValueKind.True } => 1f,
            JsonElement { ValueKind: JsonValueKind.False } => 0f,
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => float.NaN,
            JsonElement { ValueKind: JsonValueKind.String } e => ParseFloat(e.GetString(), name),
            _ => throw CairnException.InvalidParameter($"Input '{name}' must be a number; got {value.GetType().Name}."),
        };
    }

    public static ReadOnlyMemory<char> ToText(object? value) => value switch
    {
        null => default,
        string s => s.AsMemory(),
        double d => FormatNumber(d).AsMemory(),
        bool b => FormatBool(b).AsMemory(),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture).AsMemory(),
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString().AsMemory(),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => default,
        JsonElement e => e.GetRawText().AsMemory(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).AsMemory(),
        _ => value.ToString().AsMemory(),
    };

    public static DateTime? ToDate(object? value, string name) => value switch
    {
        null => null,
        DateTime t => t,
        DateTimeOffset o => o.UtcDateTime,
        string s => ParseDate(s, name),
        JsonElement { ValueKind: JsonValueKind.String } e => ParseDate(e.GetString(), name),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        _ => throw CairnException.InvalidParameter($"Input '{name}' must be a date; got {value}."),
    };

    public static float DatePartOf(DateTime? time, DatePart part) => time is not { } t
        ? float.NaN
        : part switch
        {
            DatePart.Year => t.Year,
            DatePart.Month => t.Month,
            DatePart.DayOfYear => t.DayOfYear,
            _ => (float)t.DayOfWeek,
        };

    public static string FormatNumber(double value) =>
        double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);

    public static string FormatBool(bool? value) => value switch
    {
        null => string.Empty,
        true => "true",
        false => "false",
    };

    private static float ToFloat(bool? value) => value switch
    {
        null => float.NaN,
        true => 1f,
        false => 0f,
    };

    private static float ParseFloat(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return float.NaN;
        }

        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CairnException.InvalidParameter($"Input '{name}' must be numeric; '{text}' is not a number.");
    }

    private static DateTime? ParseDate(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw CairnException.InvalidParameter($"Input '{name}' must be a date; '{text}' is not a date.");
    }

    private static CairnException Mismatch(string name, ColumnType actual, string expected) =>
        CairnException.InvalidParameter($"Input column '{name}' has type {actual.ToString().ToLowerInvariant()}; the model expects {expected}.");
}
