using System.Globalization;
using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Cairn.Monitoring.Performance;
using Cairn.Serving.PredictionLog;

namespace Cairn.Monitoring.Monitors;

/// <summary>Live performance (predictions joined with feedback on the request id) and service health of a window.</summary>
internal static class MonitorPerformance
{
    /// <summary>At most this many time slices in a report's performance-over-time, each with ≥ <see cref="MinPerSlice"/> labelled rows.</summary>
    public const int MaxSlices = 10;

    public const int MinPerSlice = 20;

    public static PerformanceSummary Compute(ModelReference reference, PredictionLogColumns columns, IReadOnlyDictionary<string, Feedback> feedback)
    {
        var task = reference.IsClassification ? "classification" : "regression";
        var rows = new List<int>();
        for (var i = 0; i < columns.RowCount; i++)
        {
            if (feedback.TryGetValue(columns.RequestIds[i], out var f) && f.Actual is not null)
            {
                rows.Add(i);
            }
        }

        if (reference.IsClassification)
        {
            var labelled = rows.Where(i => columns.Labels?[i] is not null).ToList();
            if (labelled.Count == 0)
            {
                return Empty(task);
            }

            return PerformanceCalculator.Classification(
                [.. labelled.Select(i => columns.Labels![i])],
                [.. labelled.Select(i => feedback[columns.RequestIds[i]].Actual!)],
                columns.Probabilities is { } p ? [.. labelled.Select(i => p[i])] : null,
                reference.Manifest.ClassLabels,
                [.. labelled.Select(i => columns.Timestamps[i])],
                Slices(labelled.Count));
        }

        var numeric = rows
            .Select(i => (Row: i, Ok: double.TryParse(feedback[columns.RequestIds[i]].Actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var actual), Actual: actual))
            .Where(x => x.Ok && double.IsFinite(x.Actual) && columns.Scores is { } s && double.IsFinite(s[x.Row]))
            .ToList();
        if (numeric.Count == 0)
        {
            return Empty(task);
        }

        return PerformanceCalculator.Regression(
            [.. numeric.Select(x => columns.Scores![x.Row])], [.. numeric.Select(x => x.Actual)], [.. numeric.Select(x => columns.Timestamps[x.Row])], Slices(numeric.Count));
    }

    /// <summary>
    /// Requests and latency from the log (model time, not network time). Errors are not in the prediction
    /// log (only answered predictions are), so they count as 0 here.
    /// </summary>
    public static ServiceHealth Health(PredictionLogColumns columns)
    {
        if (columns.RowCount == 0 || columns.LatencyMicros is not { Length: > 0 } micros)
        {
            return new ServiceHealth(columns.RowCount, 0, 0, 0, 0);
        }

        var sorted = micros.Select(m => m / 1000.0).ToArray();
        Array.Sort(sorted);
        return new ServiceHealth(columns.RowCount, 0, 0, Percentile(sorted, 0.5), Percentile(sorted, 0.99));
    }

    /// <summary>numpy's default (linear) percentile of sorted values.</summary>
    internal static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    private static int Slices(int labelled) => Math.Clamp(labelled / MinPerSlice, 1, MaxSlices);

    private static PerformanceSummary Empty(string task) => new() { Task = task, Labelled = 0, Metrics = new Dictionary<string, double>() };
}
