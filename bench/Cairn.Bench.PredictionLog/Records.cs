using Cairn.Core.Serving;
using Cairn.Data.Tables;

namespace Cairn.Bench.PredictionLog;

/// <summary>Seattle-weather-shaped prediction records (4 numeric features, a category, a flag) and the same rows as a table.</summary>
internal static class Records
{
    public static readonly long Start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static PredictionRecord[] Build(int count)
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, count).Select(i => new PredictionRecord
        {
            Deployment = "weather",
            Variant = i % 10 == 0 ? "green" : "blue",
            Model = "seattle-weather",
            Version = 3,
            RequestId = Guid.NewGuid().ToString("N"),
            Timestamp = Start + i,
            Inputs = new Dictionary<string, object?>
            {
                ["precipitation"] = Math.Round(random.NextDouble() * 20, 1),
                ["temp_max"] = Math.Round(random.NextDouble() * 30, 1),
                ["temp_min"] = Math.Round(random.NextDouble() * 15, 1),
                ["wind"] = Math.Round(random.NextDouble() * 8, 1),
                ["city"] = i % 3 == 0 ? "Seattle" : "Tacoma",
                ["weekend"] = i % 7 < 2,
            },
            Label = "rain",
            Score = 0.7,
            Probabilities = [0.7, 0.1, 0.1, 0.05, 0.05],
            LatencyMicros = 80 + (i % 50),
        })];
    }

    public static DataTable Table(int rows, PredictionRecord[] records)
    {
        DataColumn Numbers(string name, Func<PredictionRecord, double> value) => new()
        {
            Schema = new ColumnSchema(name, ColumnType.Numeric),
            Numbers = [.. Enumerable.Range(0, rows).Select(i => value(records[i & 4095]))],
        };

        DataColumn Strings(string name, Func<int, string?> value) => new()
        {
            Schema = new ColumnSchema(name, ColumnType.Text),
            Strings = [.. Enumerable.Range(0, rows).Select(value)],
        };

        return new DataTable(
        [
            Strings("request_id", i => i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)),
            Numbers("timestamp", r => r.Timestamp),
            Strings("variant", i => records[i & 4095].Variant),
            Strings("model", i => records[i & 4095].Model),
            Numbers("version", r => r.Version),
            new DataColumn { Schema = new ColumnSchema("shadow", ColumnType.Boolean), Booleans = [.. Enumerable.Range(0, rows).Select(_ => (bool?)false)] },
            Strings("label", i => records[i & 4095].Label),
            Numbers("score", r => r.Score),
            Strings("probabilities", _ => "[0.7,0.1,0.1,0.05,0.05]"),
            Numbers("latency_us", r => r.LatencyMicros),
            Numbers("precipitation", r => (double)r.Inputs["precipitation"]!),
            Numbers("temp_max", r => (double)r.Inputs["temp_max"]!),
            Numbers("temp_min", r => (double)r.Inputs["temp_min"]!),
            Numbers("wind", r => (double)r.Inputs["wind"]!),
            Strings("city", i => (string?)records[i & 4095].Inputs["city"]),
            new DataColumn { Schema = new ColumnSchema("weekend", ColumnType.Boolean), Booleans = [.. Enumerable.Range(0, rows).Select(i => (bool?)records[i & 4095].Inputs["weekend"])] },
        ]);
    }
}
