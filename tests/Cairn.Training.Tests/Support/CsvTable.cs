using System.Globalization;
using Cairn.Data.Tables;

namespace Cairn.Training.Tests.Support;

/// <summary>
/// A test-only CSV reader (Cairn.Data's readers are built in parallel): unquoted comma-separated
/// files, "NA"/empty = missing, types inferred as numeric, date (yyyy-MM-dd), categorical
/// (few distinct values) or text, with per-column overrides.
/// </summary>
internal static class CsvTable
{
    public static DataTable Load(string fileName, IReadOnlyDictionary<string, ColumnType>? types = null)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", fileName)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new List<DataColumn>();
        for (var c = 0; c < header.Length; c++)
        {
            var raw = cells.Select(r => r[c] is "" or "NA" ? null : r[c]).ToArray();
            var type = types?.GetValueOrDefault(header[c]) is { } forced && types.ContainsKey(header[c]) ? forced : Infer(raw);
            columns.Add(Column(header[c], type, raw));
        }

        return new DataTable(columns);
    }

    public static DataColumn Column(string name, ColumnType type, string?[] raw)
    {
        var nullable = raw.Any(v => v is null);
        var schema = new ColumnSchema(name, type) { Nullable = nullable };
        return type switch
        {
            ColumnType.Numeric => new DataColumn
            {
                Schema = schema,
                Numbers = [.. raw.Select(v => v is null ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture))],
            },
            ColumnType.DateTime => new DataColumn
            {
                Schema = schema,
                Times = [.. raw.Select(v => v is null ? (DateTime?)null : DateTime.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))],
            },
            ColumnType.Boolean => new DataColumn { Schema = schema, Booleans = [.. raw.Select(v => v is null ? (bool?)null : v is "1" or "true")] },
            _ => new DataColumn
            {
                Schema = schema with { Categories = type == ColumnType.Categorical ? [.. raw.OfType<string>().Distinct().Order(StringComparer.Ordinal)] : null },
                Strings = raw,
            },
        };
    }

    /// <summary>The rows for which <paramref name="keep"/> is true, as a new table.</summary>
    public static DataTable Where(this DataTable table, Func<int, bool> keep)
    {
        var rows = Enumerable.Range(0, table.RowCount).Where(keep).ToArray();
        return new DataTable([.. table.Columns.Select(c => new DataColumn
        {
            Schema = c.Schema,
            Numbers = c.Numbers is null ? null : [.. rows.Select(r => c.Numbers[r])],
            Strings = c.Strings is null ? null : [.. rows.Select(r => c.Strings[r])],
            Booleans = c.Booleans is null ? null : [.. rows.Select(r => c.Booleans[r])],
            Times = c.Times is null ? null : [.. rows.Select(r => c.Times[r])],
        })]);
    }

    /// <summary>The table without some columns.</summary>
    public static DataTable Without(this DataTable table, params string[] names) =>
        new([.. table.Columns.Where(c => !names.Contains(c.Name))]);

    private static ColumnType Infer(string?[] raw)
    {
        var present = raw.OfType<string>().ToList();
        if (present.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return ColumnType.Numeric;
        }

        if (present.All(v => DateTime.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            return ColumnType.DateTime;
        }

        return present.Distinct().Count() <= 50 ? ColumnType.Categorical : ColumnType.Text;
    }
}
