using System.Globalization;
using Cairn.Data.Tables;

namespace Cairn.Bench.Training;

/// <summary>Reads the bench's CSV files (unquoted, header row) into raw rows and into Cairn tables.</summary>
internal static class BenchData
{
    public static string[][] Rows(string file) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", file)).Where(l => l.Length > 0).Select(l => l.Split(','))];

    public static float Float(string text) => float.Parse(text, CultureInfo.InvariantCulture);

    public static DataColumn Numeric(string name, IEnumerable<string> values) =>
        new() { Schema = new ColumnSchema(name, ColumnType.Numeric), Numbers = [.. values.Select(v => double.Parse(v, CultureInfo.InvariantCulture))] };

    public static DataColumn Categorical(string name, IEnumerable<string> values) =>
        new() { Schema = new ColumnSchema(name, ColumnType.Categorical), Strings = [.. values] };

    public static DataColumn Date(string name, IEnumerable<string> values) =>
        new()
        {
            Schema = new ColumnSchema(name, ColumnType.DateTime),
            Times = [.. values.Select(v => (DateTime?)DateTime.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))],
        };
}
