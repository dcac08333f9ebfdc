using System.Text;

namespace Cairn.Data.Values;

/// <summary>
/// The cell values that mean "missing": empty (or blank), NA, N/A, NaN and null, case-insensitive
/// (R writes NA, pandas NaN, JSON null). Quoted and unquoted cells are treated alike.
/// </summary>
public static class MissingValues
{
    public static readonly IReadOnlyList<string> Tokens = ["", "NA", "N/A", "NaN", "null"];

    public static bool IsMissing(ReadOnlySpan<byte> value)
    {
        if (value.Length > 4 && !CellParser.IsSpace(value[0]) && !CellParser.IsSpace(value[^1]))
        {
            return false;
        }

        value = CellParser.Trim(value);
        return value.Length switch
        {
            0 => true,
            2 => Ascii.EqualsIgnoreCase(value, "NA"u8),
            3 => Ascii.EqualsIgnoreCase(value, "N/A"u8) || Ascii.EqualsIgnoreCase(value, "NaN"u8),
            4 => Ascii.EqualsIgnoreCase(value, "null"u8),
            _ => false,
        };
    }

    public static bool IsMissing(string? value) =>
        value is null || IsMissing(Encoding.UTF8.GetBytes(value));
}
