using Cairn.Data.Tables;
using Cairn.Data.Values;

namespace Cairn.Data.Profiling;

internal sealed partial class ColumnAccumulator
{
    /// <summary>Decides the column's type from the candidates that survived, then builds its schema and profile.</summary>
    public (ColumnSchema Schema, ColumnProfile Profile) Finish(long rows, ColumnSchema? known = null)
    {
        var type = known?.Type ?? InferType();
        var schema = new ColumnSchema(Name, type)
        {
            Nullable = _missing > 0,
            IsInteger = type == ColumnType.Numeric && _integer,
            Categories = type == ColumnType.Categorical
                ? [.. (_stringCounts?.Keys ?? _numberCounts?.Keys.Select(CellParser.FormatNumber) ?? []).Order(StringComparer.Ordinal)]
                : null,
        };
        if (known is not null)
        {
            schema = known;
        }

        var profile = new ColumnProfile
        {
            Name = Name,
            Type = type,
            Count = _count,
            Missing = _missing,
            MissingRate = rows == 0 ? 0 : (double)_missing / rows,
            Distinct = DistinctCount(),
            DistinctIsEstimate = _distinct is not null,
        };

        return (schema, type switch
        {
            ColumnType.Numeric when _numeric => NumericProfile(profile),
            ColumnType.Boolean => profile with { CategoryCounts = BooleanCounts(), TopCategories = BooleanCounts() },
            ColumnType.Categorical => profile with { CategoryCounts = SortedCounts(int.MaxValue), TopCategories = SortedCounts(_options.TopCategories) },
            ColumnType.Numeric => profile,
            ColumnType.DateTime => profile with
            {
                MinTime = _minTime,
                MaxTime = _maxTime,
                TopCategories = SortedCounts(_options.TopCategories),
            },
            _ => profile with { TopCategories = _stringCounts is null ? null : SortedCounts(_options.TopCategories) },
        });
    }

    private ColumnType InferType()
    {
        if (_count == 0)
        {
            return ColumnType.Text;
        }

        if (_numeric)
        {
            return ColumnType.Numeric;
        }

        if (_boolean)
        {
            return ColumnType.Boolean;
        }

        if (_date)
        {
            return ColumnType.DateTime;
        }

        var distinct = _stringCounts!.Count;
        var few = distinct <= _options.CategoricalRatio * _count || distinct <= Math.Max(2, Math.Sqrt(_count));
        return !_overflow && distinct <= _options.MaxCategories && few ? ColumnType.Categorical : ColumnType.Text;
    }

    private long DistinctCount() => _distinct?.Estimate()
        ?? (_numeric ? _numberCounts?.Count : _stringCounts?.Count)
        ?? 0;

    private ColumnProfile NumericProfile(ColumnProfile profile)
    {
        if (_count == 0)
        {
            return profile;
        }

        var sample = _sample.ToArray();
        var exact = _numberCounts is not null || _count <= _sample.Capacity;
        (double Value, long Count)[] weighted = _numberCounts is not null
            ? [.. _numberCounts.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key)]
            : [.. sample.Order().Select(v => (v, 1L))];
        var bins = Bins(weighted, _count);
        return profile with
        {
            Min = _min,
            Max = _max,
            Mean = _mean,
            Std = _count > 1 ? Math.Sqrt(_m2 / (_count - 1)) : null,
            Quantiles = QuantilesOf(weighted),
            Histogram = bins,
            Approximate = !exact,
            Sample = sample,
        };
    }

    /// <summary>Type-7 quantiles over values with multiplicities (sorted ascending).</summary>
    internal static Quantiles QuantilesOf((double Value, long Count)[] sorted)
    {
        var n = sorted.Sum(p => p.Count);
        var q = new double[Quantiles.Levels.Length];
        for (var i = 0; i < q.Length; i++)
        {
            var h = (n - 1) * Quantiles.Levels[i];
            var lo = (long)Math.Floor(h);
            var low = ValueAtRank(sorted, lo);
            var high = ValueAtRank(sorted, Math.Min(lo + 1, n - 1));
            q[i] = low + ((h - lo) * (high - low));
        }

        return new Quantiles(q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
    }

    private static double ValueAtRank((double Value, long Count)[] sorted, long rank)
    {
        long seen = 0;
        foreach (var (value, count) in sorted)
        {
            seen += count;
            if (rank < seen)
            {
                return value;
            }
        }

        return sorted[^1].Value;
    }

    /// <summary>Sturges' rule (capped) equal-width bins; counts from the weighted values, scaled to the column's count when they are a sample.</summary>
    private Histogram Bins((double Value, long Count)[] sorted, long total)
    {
        if (_min == _max)
        {
            return new Histogram([_min, _max], [total]);
        }

        var k = Math.Clamp((int)Math.Ceiling(Math.Log2(total) + 1), 1, _options.MaxHistogramBins);
        var width = (_max - _min) / k;
        var edges = new double[k + 1];
        for (var i = 0; i <= k; i++)
        {
            edges[i] = i == k ? _max : _min + (i * width);
        }

        var counts = new double[k];
        foreach (var (value, count) in sorted)
        {
            counts[Math.Min((int)((value - _min) / width), k - 1)] += count;
        }

        var weight = sorted.Sum(p => p.Count);
        return new Histogram(edges, weight == total ? [.. counts.Select(c => (long)c)] : Scale(counts, weight, total));
    }

    /// <summary>Largest-remainder rounding, so the scaled counts still add up to the total.</summary>
    private static long[] Scale(double[] counts, long weight, long total)
    {
        var scaled = counts.Select(c => c * total / weight).ToArray();
        var result = scaled.Select(s => (long)Math.Floor(s)).ToArray();
        var remainder = total - result.Sum();
        foreach (var i in Enumerable.Range(0, scaled.Length).OrderByDescending(i => scaled[i] - result[i]).Take((int)remainder))
        {
            result[i]++;
        }

        return result;
    }

    private CategoryCount[] BooleanCounts() =>
        [.. new[] { new CategoryCount("true", _true), new CategoryCount("false", _false) }
            .Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];

    private CategoryCount[] SortedCounts(int take) =>
        [.. (_stringCounts ?? _numberCounts?.ToDictionary(p => CellParser.FormatNumber(p.Key), p => p.Value) ?? []).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(take).Select(p => new CategoryCount(p.Key, p.Value))];
}
