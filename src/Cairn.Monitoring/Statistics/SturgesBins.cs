namespace Cairn.Monitoring.Statistics;

/// <summary>
/// numpy's <c>histogram_bin_edges(data, bins="sturges")</c> and <c>histogram(data, edges)</c>, reproduced
/// operation for operation (bin count ceil(range / (range / (log2 n + 1))), edges by <c>linspace</c>,
/// half-open bins with the last one closed) so that binned PSI and Jensen–Shannon match Evidently.
/// </summary>
public static class SturgesBins
{
    /// <summary>Sturges edges over the pooled data, given its minimum, maximum and size.</summary>
    public static double[] Edges(double min, double max, long count)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max || count <= 0)
        {
            throw new ArgumentException("Sturges bins need a finite, non-empty range");
        }

        var range = max - min;
        var (first, last) = OuterEdges(min, max);
        var width = range / (Math.Log2(count) + 1.0);
        var bins = width != 0 ? (int)Math.Ceiling((last - first) / width) : 1;
        return Linspace(first, last, bins);
    }

    /// <summary>Equal-width edges over [min, max] with a given number of bins (numpy's integer <c>bins</c>).</summary>
    public static double[] EqualWidthEdges(double min, double max, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        var (first, last) = OuterEdges(min, max);
        return Linspace(first, last, bins);
    }

    /// <summary>
    /// Counts of sorted <paramref name="sorted"/> values per bin: [e_i, e_{i+1}) except the last bin,
    /// which is closed; values outside the edges are not counted (numpy's <c>_search_sorted_inclusive</c>).
    /// </summary>
    public static long[] Count(ReadOnlySpan<double> sorted, ReadOnlySpan<double> edges)
    {
        var counts = new long[edges.Length - 1];
        var previous = LowerBound(sorted, edges[0]);
        for (var i = 1; i < edges.Length; i++)
        {
            var next = i == edges.Length - 1 ? UpperBound(sorted, edges[i]) : LowerBound(sorted, edges[i]);
            counts[i - 1] = next - previous;
            previous = next;
        }

        return counts;
    }

    private static (double First, double Last) OuterEdges(double min, double max) =>
        min == max ? (min - 0.5, max + 0.5) : (min, max);

    /// <summary><c>np.linspace(first, last, bins + 1)</c>: i·step + first, with the last edge exactly <paramref name="last"/>.</summary>
    private static double[] Linspace(double first, double last, int bins)
    {
        var edges = new double[bins + 1];
        var delta = last - first;
        var step = delta / bins;
        for (var i = 0; i <= bins; i++)
        {
            edges[i] = step == 0 ? (i / (double)bins * delta) + first : (i * step) + first;
        }

        edges[bins] = last;
        return edges;
    }

    /// <summary>Index of the first value ≥ <paramref name="value"/> (<c>searchsorted(side="left")</c>).</summary>
    internal static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Index of the first value &gt; <paramref name="value"/> (<c>searchsorted(side="right")</c>).</summary>
    internal static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (sorted[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
