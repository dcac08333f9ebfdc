using Cairn.Core.Errors;
using Cairn.Core.LoggedModels;

namespace Cairn.Storage.LoggedModels;

/// <summary>
/// Sorting of search results as MLflow does it: the requested keys in turn, then <c>creation_timestamp</c>
/// DESC and <c>model_id</c> ASC as tie-breaks unless already named. Models missing a metric sort last,
/// whichever the direction.
/// </summary>
internal static class LoggedModelOrdering
{
    private const string MetricsPrefix = "metrics.";

    public static IComparer<LoggedModel> Create(IReadOnlyList<LoggedModelOrderBy> orderBy)
    {
        var keys = orderBy.Select(Validate).ToList();
        if (!keys.Exists(k => k.FieldName == LoggedModelAttributes.CreationTimestamp))
        {
            keys.Add(new LoggedModelOrderBy(LoggedModelAttributes.CreationTimestamp, Ascending: false));
        }

        if (!keys.Exists(k => k.FieldName == LoggedModelAttributes.ModelId))
        {
            keys.Add(new LoggedModelOrderBy(LoggedModelAttributes.ModelId, Ascending: true));
        }

        var comparisons = keys.Select(Compile).ToList();
        return Comparer<LoggedModel>.Create((a, b) =>
        {
            foreach (var compare in comparisons)
            {
                var result = compare(a, b);
                if (result != 0)
                {
                    return result;
                }
            }

            return 0;
        });
    }

    public static bool UsesMetrics(IReadOnlyList<LoggedModelOrderBy> orderBy) =>
        orderBy.Any(o => o.FieldName.StartsWith(MetricsPrefix, StringComparison.Ordinal));

    private static LoggedModelOrderBy Validate(LoggedModelOrderBy order)
    {
        var field = order.FieldName.Trim();
        if (string.IsNullOrEmpty(field))
        {
            throw CairnException.InvalidParameter("`field_name` in the `order_by` clause must be specified.");
        }

        if (order.DatasetDigest is not null && order.DatasetName is null)
        {
            throw CairnException.InvalidParameter("`dataset_digest` can only be specified if `dataset_name` is also specified.");
        }

        if (field.Contains('.', StringComparison.Ordinal))
        {
            return field.StartsWith(MetricsPrefix, StringComparison.Ordinal) && field.Length > MetricsPrefix.Length
                ? order with { FieldName = field }
                : throw CairnException.InvalidParameter(
                    $"Invalid order by field name: {field.Split('.')[0]}, only `metrics.<name>` is allowed.");
        }

        return order with
        {
            FieldName = LoggedModelAttributes.Canonical(field)
                ?? throw CairnException.InvalidParameter($"Invalid order by field name: {field}."),
        };
    }

    private static Comparison<LoggedModel> Compile(LoggedModelOrderBy order)
    {
        var direction = order.Ascending ? 1 : -1;
        if (order.FieldName.StartsWith(MetricsPrefix, StringComparison.Ordinal))
        {
            var key = order.FieldName[MetricsPrefix.Length..];
            bool OnDataset(Core.Tracking.Metric m) =>
                (order.DatasetName is null || m.DatasetName == order.DatasetName)
                && (order.DatasetDigest is null || m.DatasetDigest == order.DatasetDigest);
            return (a, b) => CompareNullsLast(
                LoggedModelMatcher.LatestMetric(a, key, OnDataset), LoggedModelMatcher.LatestMetric(b, key, OnDataset), direction);
        }

        if (LoggedModelAttributes.IsNumeric(order.FieldName))
        {
            return (a, b) => direction * LoggedModelAttributes.Number(a, order.FieldName).CompareTo(LoggedModelAttributes.Number(b, order.FieldName));
        }

        return (a, b) =>
        {
            var (x, y) = (LoggedModelAttributes.Text(a, order.FieldName), LoggedModelAttributes.Text(b, order.FieldName));
            return x is null || y is null
                ? (x is null).CompareTo(y is null)
                : direction * string.CompareOrdinal(x, y);
        };
    }

    // NaN after real values, missing after NaN, in both directions.
    private static int CompareNullsLast(double? x, double? y, int direction)
    {
        var (rankX, rankY) = (Rank(x), Rank(y));
        return rankX != rankY ? rankX.CompareTo(rankY) : rankX == 0 ? direction * x!.Value.CompareTo(y!.Value) : 0;
    }

    private static int Rank(double? value) => value is null ? 2 : double.IsNaN(value.Value) ? 1 : 0;
}
