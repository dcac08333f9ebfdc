namespace Cairn.Monitoring.Performance;

/// <summary>accuracy, macro_f1, auc and log_loss with scikit-learn's definitions.</summary>
internal static class ClassificationMetrics
{
    /// <summary>scikit-learn's log_loss clips probabilities to [eps, 1 − eps] with the float64 machine epsilon.</summary>
    private const double Epsilon = 2.220446049250313e-16;

    internal static IReadOnlyDictionary<string, double> Compute(IReadOnlyList<string?> predicted, IReadOnlyList<string> actual,
        IReadOnlyList<double[]?>? probabilities, IReadOnlyList<string>? classes, int[] rows)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (rows.Length == 0)
        {
            return metrics;
        }

        var correct = 0;
        var tp = new Dictionary<string, long>(StringComparer.Ordinal);
        var fp = new Dictionary<string, long>(StringComparer.Ordinal);
        var fn = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var i in rows)
        {
            var (p, a) = (predicted[i], actual[i]);
            tp.TryAdd(a, 0);
            if (p is not null)
            {
                tp.TryAdd(p, 0);
            }

            if (string.Equals(p, a, StringComparison.Ordinal))
            {
                correct++;
                tp[a]++;
                continue;
            }

            Increment(fn, a);
            if (p is not null)
            {
                Increment(fp, p);
            }
        }

        metrics["accuracy"] = (double)correct / rows.Length;
        // F1 = 2tp / (2tp + fp + fn): the same as 2PR/(P+R) and 0 where sklearn's zero_division gives 0.
        metrics["macro_f1"] = tp.Average(c =>
        {
            var denominator = (2.0 * c.Value) + fp.GetValueOrDefault(c.Key) + fn.GetValueOrDefault(c.Key);
            return denominator == 0 ? 0 : 2.0 * c.Value / denominator;
        });

        if (probabilities is not null && classes is { Count: >= 2 })
        {
            AddProbabilityMetrics(metrics, actual, probabilities, classes, rows);
        }

        return metrics;
    }

    private static void AddProbabilityMetrics(Dictionary<string, double> metrics, IReadOnlyList<string> actual, IReadOnlyList<double[]?> probabilities,
        IReadOnlyList<string> classes, int[] rows)
    {
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < classes.Count; c++)
        {
            classIndex.TryAdd(classes[c], c);
        }

        double loss = 0;
        var lossRows = 0;
        var scores = new List<(double Score, bool Positive)>();
        foreach (var i in rows)
        {
            if (probabilities[i] is not { } row || row.Length != classes.Count || !classIndex.TryGetValue(actual[i], out var truth))
            {
                continue;
            }

            // scikit-learn normalises each row to sum 1 before clipping.
            var sum = row.Sum();
            if (!(sum > 0) || !double.IsFinite(sum))
            {
                continue;
            }

            lossRows++;
            loss -= Math.Log(Math.Clamp(row[truth] / sum, Epsilon, 1 - Epsilon));
            if (classes.Count == 2)
            {
                scores.Add((row[1] / sum, truth == 1));
            }
        }

        if (lossRows > 0)
        {
            metrics["log_loss"] = loss / lossRows;
        }

        if (Auc(scores) is { } auc)
        {
            metrics["auc"] = auc;
        }
    }

    /// <summary>ROC AUC as the Mann–Whitney statistic over ranks (ties get their average rank); null without both classes.</summary>
    internal static double? Auc(List<(double Score, bool Positive)> scores)
    {
        var positives = scores.Count(s => s.Positive);
        var negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        scores.Sort((x, y) => x.Score.CompareTo(y.Score));
        double positiveRanks = 0;
        for (var start = 0; start < scores.Count;)
        {
            var end = start;
            while (end + 1 < scores.Count && scores[end + 1].Score == scores[start].Score)
            {
                end++;
            }

            // Ranks are 1-based: the tied run start..end shares the average of ranks start+1..end+1.
            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (scores[k].Positive)
                {
                    positiveRanks += rank;
                }
            }

            start = end + 1;
        }

        return (positiveRanks - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static void Increment(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
