using Cairn.Core.Errors;
using Cairn.Core.LoggedModels;
using Cairn.Core.Search;
using Cairn.Core.Tracking;

namespace Cairn.Storage.LoggedModels;

/// <summary>
/// Evaluates a parsed filter on logged models, with MLflow's semantics: a model without the named
/// metric, param, tag or attribute value does not match (except <c>IS NULL</c>); a metric clause uses the
/// latest value, restricted to the request's datasets when it names any.
/// </summary>
internal static class LoggedModelMatcher
{
    public static Func<LoggedModel, bool> Compile(
        IReadOnlyList<SearchComparison> filter, IReadOnlyList<LoggedModelDatasetFilter> datasets)
    {
        var clauses = filter.Select(c => Compile(c, datasets)).ToList();
        var requireDatasetMetrics = datasets.Count > 0 && !filter.Any(c => c.Entity == SearchEntity.Metric);
        return model =>
            (!requireDatasetMetrics || model.Metrics.Any(m => OnDatasets(m, datasets)))
            && clauses.TrueForAll(clause => clause(model));
    }

    /// <summary>The value a metric clause or order key sees: the most recent matching metric, or null.</summary>
    public static double? LatestMetric(LoggedModel model, string key, Func<Metric, bool> onDataset) =>
        model.Metrics.Where(m => m.Key == key && onDataset(m))
            .OrderByDescending(m => m.Timestamp).ThenByDescending(m => m.Step)
            .Select(m => (double?)m.Value).FirstOrDefault();

    public static bool OnDatasets(Metric metric, IReadOnlyList<LoggedModelDatasetFilter> datasets) =>
        datasets.Count == 0 || datasets.Any(d =>
            metric.DatasetName == d.DatasetName && (d.DatasetDigest is null || metric.DatasetDigest == d.DatasetDigest));

    private static Func<LoggedModel, bool> Compile(SearchComparison clause, IReadOnlyList<LoggedModelDatasetFilter> datasets)
    {
        switch (clause.Entity)
        {
            case SearchEntity.Metric:
            {
                var number = clause.Number ?? throw CairnException.InvalidParameter(
                    $"Expected numeric value type for metric '{clause.Key}' in the logged model filter.");
                EnsureNumericComparator(clause.Comparator);
                return m => LatestMetric(m, clause.Key, metric => OnDatasets(metric, datasets)) is { } v && CompareNumber(v, clause.Comparator, number);
            }

            case SearchEntity.Param:
                return Text(clause, m => Lookup(m.Params, clause.Key));
            case SearchEntity.Tag:
                return Text(clause, m => Lookup(m.Tags, clause.Key));
            case SearchEntity.Attribute:
            {
                var key = LoggedModelAttributes.Canonical(clause.Key) ?? throw LoggedModelAttributes.InvalidKey(clause.Key);
                if (LoggedModelAttributes.IsNumeric(key))
                {
                    var number = clause.Number ?? throw CairnException.InvalidParameter(
                        $"Expected a numeric value for attribute '{clause.Key}' in the logged model filter.");
                    EnsureNumericComparator(clause.Comparator);
                    return m => CompareNumber(LoggedModelAttributes.Number(m, key), clause.Comparator, number);
                }

                if (key == LoggedModelAttributes.Status)
                {
                    clause = clause with
                    {
                        Text = clause.Text is null ? null : LoggedModelAttributes.NormalizeStatus(clause.Text),
                        List = clause.List?.Select(LoggedModelAttributes.NormalizeStatus).ToList(),
                    };
                }

                return Text(clause, m => LoggedModelAttributes.Text(m, key));
            }

            default:
                throw LoggedModelAttributes.InvalidKey(clause.Entity.ToString().ToLowerInvariant() + "." + clause.Key);
        }
    }

    private static string? Lookup(IReadOnlyList<Core.KeyValue> entries, string key) =>
        entries.FirstOrDefault(e => e.Key == key)?.Value;

    private static Func<LoggedModel, bool> Text(SearchComparison clause, Func<LoggedModel, string?> value)
    {
        switch (clause.Comparator)
        {
            case Comparator.IsNull:
                return m => value(m) is null;
            case Comparator.IsNotNull:
                return m => value(m) is not null;
            case Comparator.In or Comparator.NotIn:
            {
                var set = new HashSet<string>(clause.List ?? (clause.Text is null ? [] : [clause.Text]), StringComparer.Ordinal);
                var wanted = clause.Comparator == Comparator.In;
                return m => value(m) is { } v && set.Contains(v) == wanted;
            }

            case Comparator.Like or Comparator.ILike:
            {
                var regex = LikePattern.ToRegex(RequireText(clause), clause.Comparator == Comparator.ILike);
                return m => value(m) is { } v && regex.IsMatch(v);
            }

            case Comparator.Equal:
            {
                var text = RequireText(clause);
                return m => value(m) is { } v && string.Equals(v, text, StringComparison.Ordinal);
            }

            case Comparator.NotEqual:
            {
                var text = RequireText(clause);
                return m => value(m) is { } v && !string.Equals(v, text, StringComparison.Ordinal);
            }

            default:
                throw CairnException.InvalidParameter(
                    $"Invalid comparator '{clause.Comparator}' for '{clause.Key}' in the logged model filter: " +
                    "string values support =, !=, LIKE, ILIKE, IN, NOT IN, IS NULL and IS NOT NULL.");
        }
    }

    private static string RequireText(SearchComparison clause) =>
        clause.Text ?? throw CairnException.InvalidParameter(
            $"Expected a quoted string value for '{clause.Key}' in the logged model filter.");

    private static void EnsureNumericComparator(Comparator comparator)
    {
        if (comparator is not (Comparator.Equal or Comparator.NotEqual or Comparator.Greater or Comparator.GreaterOrEqual
            or Comparator.Less or Comparator.LessOrEqual))
        {
            throw CairnException.InvalidParameter(
                $"Invalid comparator '{comparator}' for a numeric value in the logged model filter: expected =, !=, >, >=, < or <=.");
        }
    }

    private static bool CompareNumber(double actual, Comparator comparator, double expected) => comparator switch
    {
        Comparator.Equal => actual.Equals(expected),
        Comparator.NotEqual => !actual.Equals(expected),
        Comparator.Greater => actual > expected,
        Comparator.GreaterOrEqual => actual >= expected,
        Comparator.Less => actual < expected,
        Comparator.LessOrEqual => actual <= expected,
        _ => false,
    };
}
