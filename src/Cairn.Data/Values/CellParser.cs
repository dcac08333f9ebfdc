using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Cairn.Data.Values;

/// <summary>
/// Parses cell text (UTF-8, invariant culture) into typed values without allocating. Numbers are
/// finite doubles (no thousands separators); booleans are true/false; dates are ISO 8601 dates or
/// date-times (a 'T' or a space before the time, optional fraction and offset), normalised to UTC.
/// </summary>
public static class CellParser
{
    public static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t';

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsSpace(value[start]))
        {
            start++;
        }

        while (end > start && IsSpace(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    public static bool TryNumber(ReadOnlySpan<byte> value, out double number)
    {
        number = 0;
        if (value.IsEmpty)
        {
            return false;
        }

        // Cheap rejection of words ("rain", "Infinity") before the real parser runs.
        var first = value[0];
        if (!(first is >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'+' or (byte)'.' or (byte)' ' or (byte)'\t'))
        {
            return false;
        }

        // Utf8Parser is the fast path for plain numbers; it rejects padding, which the general parser accepts.
        if (Utf8Parser.TryParse(value, out number, out var consumed) && consumed == value.Length)
        {
            return double.IsFinite(number);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }

    public static bool TryBoolean(ReadOnlySpan<byte> value, out bool result)
    {
        value = Trim(value);
        if (Ascii.EqualsIgnoreCase(value, "true"u8))
        {
            result = true;
            return true;
        }

        result = false;
        return Ascii.EqualsIgnoreCase(value, "false"u8);
    }

    /// <summary>Parses an ISO 8601 date or date-time; <paramref name="dateOnly"/> tells which it was.</summary>
    public static bool TryDateTime(ReadOnlySpan<byte> value, out DateTime utc, out bool dateOnly)
    {
        utc = default;
        dateOnly = false;
        value = Trim(value);
        if (value.Length < 10 || value[4] != '-' || value[7] != '-'
            || !Digits(value[..4]) || !Digits(value.Slice(5, 2)) || !Digits(value.Slice(8, 2)))
        {
            return false;
        }

        if (value.Length == 10)
        {
            var year = Number(value[..4]);
            var month = Number(value.Slice(5, 2));
            var day = Number(value.Slice(8, 2));
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            utc = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
            dateOnly = true;
            return true;
        }

        if (value[10] is not ((byte)'T' or (byte)' ') || value.Length > 40)
        {
            return false;
        }

        Span<char> chars = stackalloc char[value.Length];
        var length = Encoding.ASCII.GetChars(value, chars);
        return DateTime.TryParse(chars[..length], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);
    }

    /// <summary>The text a number is stored as in profiles and category lists (shortest round-trip form).</summary>
    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool Digits(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(ReadOnlySpan<byte> digits)
    {
        var n = 0;
        foreach (var b in digits)
        {
            n = (n * 10) + (b - '0');
        }

        return n;
    }
}
