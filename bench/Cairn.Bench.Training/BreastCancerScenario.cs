using Cairn.Data.Tables;
using Cairn.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace Cairn.Bench.Training;

/// <summary>Breast cancer, binary, 30 numeric features; three rows in four train, every fourth evaluates. Metric: AUC.</summary>
internal sealed class BreastCancerScenario : IScenario
{
    private readonly string _trainer;
    private readonly Patient[] _train;
    private readonly Patient[] _test;
    private readonly DataTable _trainTable;
    private readonly DataTable _testTable;

    public BreastCancerScenario(string trainer)
    {
        _trainer = trainer;
        var all = BenchData.Rows("breast-cancer.csv");
        var header = all[0];
        var rows = all.Skip(1).ToArray();
        var train = rows.Where((_, i) => i % 4 != 0).ToArray();
        var test = rows.Where((_, i) => i % 4 == 0).ToArray();
        _train = [.. train.Select(Patient.From)];
        _test = [.. test.Select(Patient.From)];
        _trainTable = Table(header, train);
        _testTable = Table(header, test);
    }

    public string Name => $"breast-cancer binary, {(_trainer == "sdca" ? "SDCA logistic regression" : "LightGBM")}";

    public double RunRaw()
    {
        var ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(_train);
        var test = ml.Data.LoadFromEnumerable(_test);
        var featurize = ml.Transforms.ReplaceMissingValues("Imputed", "Values").Append(ml.Transforms.Concatenate("Features", "Imputed"));
        IEstimator<ITransformer> pipeline = _trainer == "sdca"
            ? featurize.Append(ml.Transforms.NormalizeMinMax("Features")).AppendCacheCheckpoint(ml).Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(
                new SdcaLogisticRegressionBinaryTrainer.Options { ConvergenceTolerance = 0.1f, NumberOfThreads = 1 }))
            : featurize.Append(ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { Seed = 1 }));
        var model = pipeline.Fit(train);
        return ml.BinaryClassification.Evaluate(model.Transform(test)).AreaUnderRocCurve;
    }

    public double RunCairn() => ModelTrainer.Train(new TrainingRequest
    {
        Task = ModelTask.BinaryClassification,
        Label = "diagnosis",
        Trainer = _trainer,
        Seed = 1,
        Train = _trainTable,
        Test = _testTable,
    }).Evaluation.Metrics["auc"];

    private static DataTable Table(string[] header, string[][] rows) => new(
    [
        .. header[..^1].Select((name, c) => BenchData.Numeric(name, rows.Select(r => r[c]))),
        BenchData.Categorical("diagnosis", rows.Select(r => r[^1])),
    ]);

    private sealed class Patient
    {
        [VectorType(30)]
        public float[] Values { get; set; } = [];

        public bool Label { get; set; }

        public static Patient From(string[] r) => new() { Values = [.. r[..^1].Select(BenchData.Float)], Label = r[^1] == "malignant" };
    }
}
