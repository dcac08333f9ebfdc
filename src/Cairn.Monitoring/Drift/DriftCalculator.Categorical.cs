using Cairn.Core.Monitoring;
using Cairn.Data.Values;
using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Drift;

public static partial class DriftCalculator
{
    private static ColumnDrift TestCategorical(DriftReferenceColumn reference, DriftCurrentColumn current, DriftOptions options)
    {
        var referenceCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        long referenceSize = 0;
        foreach (var category in reference.Categories!)
        {
            if (category.Value is not null && category.Count > 0)
            {
                referenceCounts[category.Value] = referenceCounts.GetValueOrDefault(category.Value) + category.Count;
                referenceSize += category.Count;
            }
        }

        var (currentCounts, currentSize) = CountCurrent(current);
        if (referenceSize == 0)
        {
            return Skip(reference, "categorical", currentSize, "no reference values");
        }

        if (currentSize == 0)
        {
            return Skip(reference, "categorical", 0, "no current values");
        }

        // Ordinal order: Evidently's z-test compares the first of the sorted categories with the rest.
        var keySet = new HashSet<string>(referenceCounts.Keys, StringComparer.Ordinal);
        keySet.UnionWith(currentCounts.Keys);
        var keys = keySet.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var r = new long[keys.Length];
        var c = new long[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            r[i] = referenceCounts.GetValueOrDefault(keys[i]);
            c[i] = currentCounts.GetValueOrDefault(keys[i]);
        }

        var defaultMethod = reference.RowCount <= SmallReferenceRows
            ? keys.Length > 2 ? DriftMethods.ChiSquare : DriftMethods.Z
            : DriftMethods.JensenShannon;
        var (method, threshold) = Choose(reference, numericColumn: false, defaultMethod, options);
        var (statistic, score) = method switch
        {
            DriftMethods.ChiSquare => ChiSquare.GoodnessOfFit(r, c),
            DriftMethods.Z => ZTest(r, referenceSize, c, currentSize),
            DriftMethods.Psi => Same(Psi.FromCounts(r, referenceSize, c, currentSize)),
            DriftMethods.JensenShannon => Same(JensenShannon.FromCounts(r, referenceSize, c, currentSize)),
            _ => throw Unfit(reference.Name, method),
        };

        var drift = new ColumnDrift
        {
            Column = reference.Name,
            Type = "categorical",
            Method = method,
            Score = score,
            Statistic = statistic,
            Threshold = threshold,
            IsPValue = DriftMethods.IsPValue(method),
            Drifted = DriftMethods.Drifted(method, score, threshold),
            ReferenceCount = reference.RowCount,
            CurrentCount = currentSize,
        };
        return WithCategoryHistogram(drift, keys, r, c);
    }

    private static (double, double) Same(double distance) => (distance, distance);

    private static (Dictionary<string, long> Counts, long Size) CountCurrent(DriftCurrentColumn current)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long size = 0;
        if (current.Categories is { } strings)
        {
            foreach (var value in strings)
            {
                if (value is not null)
                {
                    counts[value] = counts.GetValueOrDefault(value) + 1;
                    size++;
                }
            }
        }
        else if (current.Values is { } numbers)
        {
            foreach (var value in numbers)
            {
                if (double.IsFinite(value))
                {
                    var key = CellParser.FormatNumber(value);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                    size++;
                }
            }
        }

        return (counts, size);
    }

    /// <summary>Categories for reports, most frequent (both sides together) first; beyond the cap they are summed.</summary>
    private static ColumnDrift WithCategoryHistogram(ColumnDrift drift, string[] keys, long[] reference, long[] current)
    {
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            var byCount = (reference[y] + current[y]).CompareTo(reference[x] + current[x]);
            return byCount != 0 ? byCount : string.CompareOrdinal(keys[x], keys[y]);
        });

        var shown = Math.Min(order.Length, order.Length > MaxDisplayCategories ? MaxDisplayCategories - 1 : MaxDisplayCategories);
        var length = shown < order.Length ? shown + 1 : shown;
        var names = new string[length];
        var r = new long[length];
        var c = new long[length];
        for (var i = 0; i < order.Length; i++)
        {
            var slot = Math.Min(i, shown);
            names[slot] = slot < shown ? keys[order[i]] : OtherCategory;
            r[slot] += reference[order[i]];
            c[slot] += current[order[i]];
        }

        return drift with { Categories = names, ReferenceCounts = r, CurrentCounts = c };
    }
}
