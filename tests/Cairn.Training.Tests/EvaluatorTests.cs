using Cairn.Data.Tables;
using Cairn.Training.Evaluation;
using Cairn.Training.Scoring;

namespace Cairn.Training.Tests;

/// <summary>Metrics on hand-made predictions whose right answers are worked out by hand.</summary>
public sealed class EvaluatorTests
{
    private static DataColumn Labels(params string?[] values) =>
        new() { Schema = new ColumnSchema("y", ColumnType.Categorical), Strings = values };

    private static PredictionBatch Classified(string[] classes, string[] predicted, double[][] probabilities)
    {
        var task = classes.Length == 2 ? ModelTask.BinaryClassification : ModelTask.MulticlassClassification;
        var batch = new PredictionBatch(task, classes, predicted.Length);
        for (var row = 0; row < predicted.Length; row++)
        {
            batch.Labels![row] = predicted[row];
            probabilities[row].AsSpan().CopyTo(batch.ProbabilitiesOf(row));
            batch.Scores[row] = task == ModelTask.BinaryClassification ? probabilities[row][1] : probabilities[row].Max();
        }

        return batch;
    }

    [Fact]
    public void Binary_AucCountsTiesAsHalf_AndThresholdMetricsUseThePredictedLabels()
    {
        // Positive scores 0.9, 0.5; negative 0.5, 0.1: pairs (pos>neg) = 0.9>0.5, 0.9>0.1, 0.5=0.5 (half), 0.5>0.1 -> 3.5/4.
        var actual = Labels("yes", "yes", "no", "no", null);
        var predictions = Classified(["no", "yes"], ["yes", "no", "no", "no", "no"],
            [[0.1, 0.9], [0.5, 0.5], [0.5, 0.5], [0.9, 0.1], [0.2, 0.8]]);

        var report = ModelEvaluator.Evaluate(actual, predictions);

        Assert.Equal(4, report.RowCount);
        Assert.Equal(0.875, report.Metrics["auc"], 12);
        Assert.Equal(0.75, report.Metrics["accuracy"], 12);
        Assert.Equal(1.0, report.Metrics["precision"], 12);
        Assert.Equal(0.5, report.Metrics["recall"], 12);
        Assert.Equal(2.0 / 3, report.Metrics["f1"], 12);
        var logLoss = -(Math.Log(0.9) + Math.Log(0.5) + Math.Log(0.5) + Math.Log(0.9)) / 4;
        Assert.Equal(logLoss, report.Metrics["log_loss"], 12);
        Assert.Equal([[2L, 0L], [1L, 1L]], report.ConfusionMatrix!.Counts.Select(r => r.ToArray()));
    }

    [Fact]
    public void Multiclass_MacroF1ComesFromTheConfusionMatrix()
    {
        // a: tp 2, fn 0, fp 1 -> f1 0.8; b: tp 1, fn 1, fp 0 -> 2/3; c: tp 0, fn 1, fp 1 -> 0. Macro 0.4889; accuracy 3/6... see rows.
        var actual = Labels("a", "a", "b", "b", "c", "d");
        var predictions = Classified(["a", "b", "c"], ["a", "a", "b", "a", "b", "c"],
            [[.6, .3, .1], [.5, .4, .1], [.2, .7, .1], [.8, .1, .1], [.3, .6, .1], [.1, .1, .8]]);

        var report = ModelEvaluator.Evaluate(actual, predictions);

        var matrix = report.ConfusionMatrix!;
        Assert.Equal(["a", "b", "c", "d"], matrix.Labels);
        Assert.Equal(1, matrix.Counts[3][2]);
        // Per class F1: a = 2*2/(2+3) = 0.8, b = 2*1/(2+2) = 0.5, c = 0 (1 predicted, 1 actual, 0 tp), d = 0 (actual only).
        Assert.Equal((0.8 + 0.5 + 0 + 0) / 4, report.Metrics["macro_f1"], 12);
        Assert.Equal(3.0 / 6, report.Metrics["accuracy"], 12);
        Assert.Equal(report.Metrics["accuracy"], report.Metrics["micro_f1"]);
        // Mean recall over classes with actual rows: a 1, b 0.5, c 0, d 0.
        Assert.Equal(1.5 / 4, report.Metrics["macro_accuracy"], 12);
        var logLoss = -(Math.Log(.6) + Math.Log(.5) + Math.Log(.7) + Math.Log(.1) + Math.Log(.1) + Math.Log(1e-15)) / 6;
        Assert.Equal(logLoss, report.Metrics["log_loss"], 9);
    }

    [Fact]
    public void Regression_RmseMaeAndR2()
    {
        var actual = new DataColumn { Schema = new ColumnSchema("y", ColumnType.Numeric), Numbers = [1, 2, 3, 4, double.NaN] };
        var predictions = new PredictionBatch(ModelTask.Regression, [], 5);
        new double[] { 1, 2, 4, 2, 100 }.CopyTo(predictions.Scores, 0);

        var report = ModelEvaluator.Evaluate(actual, predictions);

        // Errors 0, 0, -1, 2: SSE 5, SST 5 (mean 2.5).
        Assert.Equal(4, report.RowCount);
        Assert.Equal(Math.Sqrt(5.0 / 4), report.Metrics["rmse"], 12);
        Assert.Equal(3.0 / 4, report.Metrics["mae"], 12);
        Assert.Equal(0.0, report.Metrics["r2"], 12);
    }

    [Fact]
    public void Binary_WithOnlyOneClassPresent_HasNoAuc()
    {
        var report = ModelEvaluator.Evaluate(Labels("yes", "yes"), Classified(["no", "yes"], ["yes", "yes"], [[.2, .8], [.4, .6]]));

        Assert.True(double.IsNaN(report.Metrics["auc"]));
        Assert.Equal(1.0, report.Metrics["accuracy"]);
    }
}
