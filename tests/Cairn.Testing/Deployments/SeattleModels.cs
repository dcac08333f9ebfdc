using System.Globalization;
using Cairn.Data.Tables;
using Cairn.Training;

namespace Cairn.Testing.Deployments;

/// <summary>
/// Real models trained once per test process on a slice of the seattle-weather example's data, as bundle
/// zips ready to register: a LightGBM and a baseline with the same inputs, and a baseline on fewer inputs
/// (an incompatible signature).
/// </summary>
public static class SeattleModels
{
    private static readonly string[] Numeric = ["precipitation", "temp_max", "temp_min", "wind"];
    private static readonly Lazy<DataTable> Slice = new(Load);
    private static readonly Lazy<Task<byte[]>> LightGbmBundle = new(() => TrainAsync("lightgbm", null, ("number_of_iterations", "10"), ("number_of_leaves", "4")));
    private static readonly Lazy<Task<byte[]>> BaselineBundle = new(() => TrainAsync("baseline", null));
    private static readonly Lazy<Task<byte[]>> NarrowBundle = new(() => TrainAsync("baseline", ["precipitation", "wind"]));

    public static Task<byte[]> LightGbm => LightGbmBundle.Value;

    public static Task<byte[]> Baseline => BaselineBundle.Value;

    /// <summary>Only two of the four inputs: not compatible with the others.</summary>
    public static Task<byte[]> Narrow => NarrowBundle.Value;

    private static async Task<byte[]> TrainAsync(string trainer, IReadOnlyList<string>? features, params (string Key, string Value)[] parameters)
    {
        var result = ModelTrainer.Train(new TrainingRequest
        {
            Task = ModelTask.MulticlassClassification,
            Label = "weather",
            Trainer = trainer,
            Features = features,
            Train = Slice.Value,
            Seed = 1,
            HyperParameters = parameters.ToDictionary(p => p.Key, p => p.Value),
        });
        using var stream = new MemoryStream();
        await result.Bundle.SaveAsync(stream, CancellationToken.None);
        return stream.ToArray();
    }

    /// <summary>The first 400 rows (2012 and early 2013), numeric inputs and the weather label.</summary>
    private static DataTable Load()
    {
        var rows = File.ReadLines(DataFile()).Skip(1).Where(l => l.Length > 0).Take(400).Select(l => l.Split(',')).ToArray();
        var columns = Numeric.Select((name, i) => new DataColumn
        {
            Schema = new ColumnSchema(name, ColumnType.Numeric),
            Numbers = [.. rows.Select(r => double.Parse(r[i + 1], CultureInfo.InvariantCulture))],
        }).ToList();
        var weather = rows.Select(r => (string?)r[5]).ToArray();
        columns.Add(new DataColumn
        {
            Schema = new ColumnSchema("weather", ColumnType.Categorical) { Categories = [.. weather.OfType<string>().Distinct().Order(StringComparer.Ordinal)] },
            Strings = weather,
        });
        return new DataTable(columns);
    }

    private static string DataFile() => Repository.SeattleWeatherCsv;
}
