using System.Globalization;
using System.Runtime.CompilerServices;
using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Drift;

/// <summary>Finite values sorted once per side, and the counts every test derives from them.</summary>
internal static class SortedSamples
{
    // A training reference is reused by every monitoring run: sort it once per array instance.
    private static readonly ConditionalWeakTable<double[], double[]> References = new();

    public static double[] Reference(double[] values) => References.GetValue(values, static v => FiniteSorted(v));

    /// <summary>The finite values (NaN and ±inf dropped, as Evidently does), sorted ascending.</summary>
    public static double[] FiniteSorted(ReadOnlySpan<double> values)
    {
        var finite = 0;
        foreach (var value in values)
        {
            finite += double.IsFinite(value) ? 1 : 0;
        }

        var result = new double[finite];
        if (finite == values.Length)
        {
            values.CopyTo(result);
        }
        else
        {
            var at = 0;
            foreach (var value in values)
            {
                if (double.IsFinite(value))
                {
                    result[at++] = value;
                }
            }
        }

        RadixSort.Sort(result);
        return result;
    }

    /// <summary>Strings given for a numeric reference: parsed with the invariant culture, unparseable = missing.</summary>
    public static double[] Parse(string?[]? values)
    {
        if (values is null)
        {
            return [];
        }

        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = double.TryParse(values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;
        }

        return result;
    }

    /// <summary>Distinct values of one sorted side, counting no further than <paramref name="cap"/>.</summary>
    public static int CountDistinct(ReadOnlySpan<double> sorted, int cap)
    {
        var count = 0;
        for (var i = 0; i < sorted.Length && count < cap; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Distinct values of the union of two sorted sides, counting no further than <paramref name="cap"/>.</summary>
    public static int CountDistinct(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int cap)
    {
        int i = 0, j = 0, count = 0;
        while ((i < a.Length || j < b.Length) && count < cap)
        {
            var value = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            count++;
            while (i < a.Length && a[i] == value)
            {
                i++;
            }

            while (j < b.Length && b[j] == value)
            {
                j++;
            }
        }

        return count;
    }

    /// <summary>Counts per distinct value of the union (ascending), Evidently's by-value binning of numbers.</summary>
    public static (double[] Keys, long[] Reference, long[] Current) ByValue(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var keys = new List<double>();
        var referenceCounts = new List<long>();
        var currentCounts = new List<long>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var value = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            var start = i;
            while (i < a.Length && a[i] == value)
            {
                i++;
            }

            var startB = j;
            while (j < b.Length && b[j] == value)
            {
                j++;
            }

            keys.Add(value);
            referenceCounts.Add(i - start);
            currentCounts.Add(j - startB);
        }

        return ([.. keys], [.. referenceCounts], [.. currentCounts]);
    }
}
