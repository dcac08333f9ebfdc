using Cairn.Training.Scoring;

namespace Cairn.Training.Evaluation;

public static partial class ModelEvaluator
{
    private static EvaluationReport Binary(string?[] actual, PredictionBatch predictions)
    {
        var positive = predictions.ClassLabels[1];
        var rows = Enumerable.Range(0, actual.Length).Where(i => actual[i] is not null).ToArray();
        long tp = 0, fp = 0, fn = 0, tn = 0;
        double logLoss = 0;
        foreach (var i in rows)
        {
            var isPositive = actual[i] == positive;
            var predictedPositive = predictions.Labels![i] == positive;
            (tp, fp, fn, tn) = (isPositive, predictedPositive) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (false, true) => (tp, fp + 1, fn, tn),
                (true, false) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
            var p = predictions.Probability(i, 1);
            logLoss += LogLossTerm(isPositive ? p : 1 - p);
        }

        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        var metrics = new Dictionary<string, double>
        {
            ["auc"] = Auc(rows.Select(i => (predictions.Probability(i, 1), actual[i] == positive)).ToArray()),
            ["accuracy"] = Ratio(tp + tn, rows.Length),
            ["precision"] = precision,
            ["recall"] = recall,
            ["f1"] = Ratio(2 * precision * recall, precision + recall),
            ["log_loss"] = logLoss / rows.Length,
        };
        var matrix = Matrix(actual, rows, predictions);
        return new EvaluationReport(ModelTask.BinaryClassification, metrics) { RowCount = rows.Length, ConfusionMatrix = matrix };
    }

    private static EvaluationReport Multiclass(string?[] actual, PredictionBatch predictions)
    {
        var rows = Enumerable.Range(0, actual.Length).Where(i => actual[i] is not null).ToArray();
        var matrix = Matrix(actual, rows, predictions);
        var index = predictions.ClassLabels.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k, StringComparer.Ordinal);
        double logLoss = 0;
        foreach (var i in rows)
        {
            logLoss += LogLossTerm(index.TryGetValue(actual[i]!, out var k) ? predictions.Probability(i, k) : 0);
        }

        // Per-class F1 and recall from the matrix; classes neither present nor predicted are left out
        // of the macro averages (as scikit-learn does with the labels it sees).
        var labels = matrix.Labels.Count;
        double f1Sum = 0, recallSum = 0, correct = 0;
        int f1Classes = 0, recallClasses = 0;
        for (var c = 0; c < labels; c++)
        {
            var tp = matrix.Counts[c][c];
            var actualCount = matrix.Counts[c].Sum();
            var predictedCount = matrix.Counts.Sum(r => r[c]);
            correct += tp;
            if (actualCount + predictedCount == 0)
            {
                continue;
            }

            f1Sum += Ratio(2.0 * tp, actualCount + predictedCount);
            f1Classes++;
            if (actualCount > 0)
            {
                recallSum += (double)tp / actualCount;
                recallClasses++;
            }
        }

        var accuracy = Ratio(correct, rows.Length);
        var metrics = new Dictionary<string, double>
        {
            ["accuracy"] = accuracy,
            ["micro_accuracy"] = accuracy,
            ["micro_f1"] = accuracy,
            ["macro_accuracy"] = Ratio(recallSum, recallClasses),
            ["macro_f1"] = Ratio(f1Sum, f1Classes),
            ["log_loss"] = logLoss / rows.Length,
        };
        return new EvaluationReport(ModelTask.MulticlassClassification, metrics) { RowCount = rows.Length, ConfusionMatrix = matrix };
    }

    /// <summary>The confusion matrix over the model's classes plus any actual label the model never saw.</summary>
    private static ConfusionMatrix Matrix(string?[] actual, int[] rows, PredictionBatch predictions)
    {
        var labels = predictions.ClassLabels.ToList();
        labels.AddRange(rows.Select(i => actual[i]!).Where(a => !predictions.ClassLabels.Contains(a)).Distinct().Order(StringComparer.Ordinal));
        var index = labels.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k, StringComparer.Ordinal);
        var counts = labels.Select(_ => new long[labels.Count]).ToArray();
        foreach (var i in rows)
        {
            counts[index[actual[i]!]][index[predictions.Labels![i]!]]++;
        }

        return new ConfusionMatrix(labels, counts);
    }

    /// <summary>Area under the ROC curve by the rank-sum formula, ties sharing their average rank.</summary>
    private static double Auc((double Score, bool Positive)[] points)
    {
        Array.Sort(points, (a, b) => a.Score.CompareTo(b.Score));
        double positives = points.Count(p => p.Positive), negatives = points.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double rankSum = 0;
        for (var i = 0; i < points.Length;)
        {
            var j = i;
            while (j + 1 < points.Length && points[j + 1].Score == points[i].Score)
            {
                j++;
            }

            var averageRank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                rankSum += points[k].Positive ? averageRank : 0;
            }

            i = j + 1;
        }

        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
