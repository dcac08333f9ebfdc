using System.Globalization;
using Cairn.Data.Profiling;
using Cairn.Data.Serialization;
using Cairn.Data.Tables;
using Cairn.Training;

namespace Cairn.Testing.Deployments;

/// <summary>
/// Real models trained once per test process on a slice of the seattle-weather example's data, as bundle
/// zips ready to register: a LightGBM and a baseline with the same inputs, and a baseline on fewer inputs
/// (an incompatible signature); and a LightGBM trained on all of 2012–2013 that carries its training profile
/// (the drift reference of monitoring tests).
/// </summary>
public static class SeattleModels
{
    private static readonly string[] Numeric = ["precipitation", "temp_max", "temp_min", "wind"];
    private static readonly Lazy<DataTable> Slice = new(() => Load(rows => rows.Take(400)));
    private static readonly Lazy<DataTable> Years2012To2013 = new(() => Load(rows => rows.TakeWhile(r => string.CompareOrdinal(r[0], "2014") < 0)));
    private static readonly Lazy<Task<byte[]>> LightGbmBundle = new(() => TrainAsync(Slice.Value, "lightgbm", null, profiled: false, ("number_of_iterations", "10"), ("number_of_leaves", "4")));
    private static readonly Lazy<Task<byte[]>> BaselineBundle = new(() => TrainAsync(Slice.Value, "baseline", null, profiled: false));
    private static readonly Lazy<Task<byte[]>> NarrowBundle = new(() => TrainAsync(Slice.Value, "baseline", ["precipitation", "wind"], profiled: false));
    private static readonly Lazy<Task<byte[]>> ProfiledBundle = new(() => TrainAsync(Years2012To2013.Value, "lightgbm", null, profiled: true, ("number_of_iterations", "10"), ("number_of_leaves", "4")));

    public static Task<byte[]> LightGbm => LightGbmBundle.Value;

    public static Task<byte[]> Baseline => BaselineBundle.Value;

    /// <summary>Only two of the four inputs: not compatible with the others.</summary>
    public static Task<byte[]> Narrow => NarrowBundle.Value;

    /// <summary>LightGBM on every 2012–2013 row, with the training profile in its bundle (the drift reference).</summary>
    public static Task<byte[]> ProfiledLightGbm2012To2013 => ProfiledBundle.Value;

    private static async Task<byte[]> TrainAsync(DataTable train, string trainer, IReadOnlyList<string>? features, bool profiled, params (string Key, string Value)[] parameters)
    {
        var result = ModelTrainer.Train(new TrainingRequest
        {
            Task = ModelTask.MulticlassClassification,
            Label = "weather",
            Trainer = trainer,
            Features = features,
            Train = train,
            Seed = 1,
            HyperParameters = parameters.ToDictionary(p => p.Key, p => p.Value),
            TrainingProfileJson = profiled ? DataJson.Serialize(DatasetProfiler.Profile(train)) : null,
        });
        using var stream = new MemoryStream();
        await result.Bundle.SaveAsync(stream, CancellationToken.None);
        return stream.ToArray();
    }

    /// <summary>The numeric inputs and the weather label of the chosen rows (the slice is the first 400: 2012 and early 2013).</summary>
    private static DataTable Load(Func<IEnumerable<string[]>, IEnumerable<string[]>> choose)
    {
        var rows = choose(File.ReadLines(DataFile()).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))).ToArray();
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
