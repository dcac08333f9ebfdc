using Cairn.Data.Tables;
using Cairn.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

namespace Cairn.Bench.Training;

/// <summary>Seattle weather, multiclass LightGBM (100 iterations): train 2012–2013, evaluate 2014–2015. Metric: macro accuracy.</summary>
internal sealed class SeattleLightGbm : IScenario
{
    private readonly DayRow[] _train;
    private readonly DayRow[] _test;
    private readonly DataTable _trainTable;
    private readonly DataTable _testTable;

    public SeattleLightGbm()
    {
        var rows = BenchData.Rows("seattle-weather.csv").Skip(1).ToArray();
        var train = rows.Where(r => string.CompareOrdinal(r[0], "2014") < 0).ToArray();
        var test = rows.Where(r => string.CompareOrdinal(r[0], "2014") >= 0).ToArray();
        _train = [.. train.Select(DayRow.From)];
        _test = [.. test.Select(DayRow.From)];
        _trainTable = Table(train);
        _testTable = Table(test);
    }

    public string Name => "seattle-weather multiclass, LightGBM";

    public double RunRaw()
    {
        var ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(_train);
        var test = ml.Data.LoadFromEnumerable(_test);
        string[] numeric = ["Year", "Month", "DayOfYear", "DayOfWeek", "Precipitation", "TempMax", "TempMin", "Wind"];
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Weather", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.ReplaceMissingValues([.. numeric.Select(n => new InputOutputColumnPair("i" + n, n))]))
            .Append(ml.Transforms.Concatenate("Features", [.. numeric.Select(n => "i" + n)]))
            .Append(ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options { Seed = 1 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(train);
        return ml.MulticlassClassification.Evaluate(model.Transform(test)).MacroAccuracy;
    }

    public double RunCairn() => ModelTrainer.Train(new TrainingRequest
    {
        Task = ModelTask.MulticlassClassification,
        Label = "weather",
        Trainer = "lightgbm",
        Seed = 1,
        Train = _trainTable,
        Test = _testTable,
    }).Evaluation.Metrics["macro_accuracy"];

    private static DataTable Table(string[][] rows) => new(
    [
        BenchData.Date("date", rows.Select(r => r[0])),
        BenchData.Numeric("precipitation", rows.Select(r => r[1])),
        BenchData.Numeric("temp_max", rows.Select(r => r[2])),
        BenchData.Numeric("temp_min", rows.Select(r => r[3])),
        BenchData.Numeric("wind", rows.Select(r => r[4])),
        BenchData.Categorical("weather", rows.Select(r => r[5])),
    ]);

    /// <summary>What a hand-written ML.NET program would declare: date parts computed up front.</summary>
    private sealed class DayRow
    {
        public float Year { get; set; }

        public float Month { get; set; }

        public float DayOfYear { get; set; }

        public float DayOfWeek { get; set; }

        public float Precipitation { get; set; }

        public float TempMax { get; set; }

        public float TempMin { get; set; }

        public float Wind { get; set; }

        public string Weather { get; set; } = "";

        public static DayRow From(string[] r)
        {
            var date = DateTime.ParseExact(r[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return new DayRow
            {
                Year = date.Year, Month = date.Month, DayOfYear = date.DayOfYear, DayOfWeek = (float)date.DayOfWeek,
                Precipitation = BenchData.Float(r[1]), TempMax = BenchData.Float(r[2]), TempMin = BenchData.Float(r[3]),
                Wind = BenchData.Float(r[4]), Weather = r[5],
            };
        }
    }
}
