using Cairn.Core.Errors;
using Cairn.Data.Tables;
using Cairn.Training.Labels;
using Cairn.Training.Scoring;

namespace Cairn.Training.Evaluation;

/// <summary>
/// Computes metrics from predictions and true labels, for every flavor alike (ML.NET, ONNX,
/// baseline), so models of different kinds are compared on equal terms. Rows without a label are skipped.
/// </summary>
public static partial class ModelEvaluator
{
    private const double Epsilon = 1e-15;

    /// <summary>Scores <paramref name="data"/> and evaluates the predictions against its label column.</summary>
    public static EvaluationReport Evaluate(IModelScorer scorer, DataTable data, string labelColumn, CancellationToken cancellationToken = default)
    {
        var actual = data.Columns.FirstOrDefault(c => c.Name == labelColumn)
            ?? throw CairnException.InvalidParameter($"Label column '{labelColumn}' is not in the evaluation data.");
        return Evaluate(actual, scorer.Score(data, cancellationToken));
    }

    /// <summary>Evaluates predictions against the true labels of the same rows.</summary>
    public static EvaluationReport Evaluate(DataColumn actual, PredictionBatch predictions)
    {
        if (actual.Length != predictions.RowCount)
        {
            throw CairnException.InvalidParameter($"The label column has {actual.Length} rows but there are {predictions.RowCount} predictions.");
        }

        return predictions.Task switch
        {
            ModelTask.Regression => Regression(LabelEncoding.ToNumbers(actual), predictions),
            ModelTask.BinaryClassification => Binary(LabelEncoding.ToStrings(actual), predictions),
            _ => Multiclass(LabelEncoding.ToStrings(actual), predictions),
        };
    }

    private static EvaluationReport Regression(double[] actual, PredictionBatch predictions)
    {
        var rows = Enumerable.Range(0, actual.Length).Where(i => !double.IsNaN(actual[i])).ToList();
        var mean = rows.Count == 0 ? double.NaN : rows.Average(i => actual[i]);
        double squared = 0, absolute = 0, total = 0;
        foreach (var i in rows)
        {
            var error = actual[i] - predictions.Scores[i];
            squared += error * error;
            absolute += Math.Abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }

        var n = rows.Count;
        var metrics = new Dictionary<string, double>
        {
            ["mse"] = squared / n,
            ["rmse"] = Math.Sqrt(squared / n),
            ["mae"] = absolute / n,
            ["r2"] = total == 0 ? double.NaN : 1 - (squared / total),
        };
        return new EvaluationReport(ModelTask.Regression, metrics) { RowCount = n };
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;

    private static double LogLossTerm(double probability) => -Math.Log(Math.Clamp(probability, Epsilon, 1 - Epsilon));
}
