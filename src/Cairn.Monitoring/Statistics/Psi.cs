namespace Cairn.Monitoring.Statistics;

/// <summary>
/// Population stability index as Evidently computes it: Σ (ref% - cur%) · ln(ref% / cur%) over shared bins,
/// with percentages = count / sample size and empty bins set to 0.0001 (or to the smallest non-zero
/// percentage / 10⁶ when that is ≤ 0.0001), each side separately.
/// </summary>
public static class Psi
{
    public static double FromCounts(ReadOnlySpan<long> reference, long referenceSize, ReadOnlySpan<long> current, long currentSize)
    {
        if (reference.Length != current.Length)
        {
            throw new ArgumentException("reference and current need one count per bin");
        }

        var r = Percents.FillZeros(Percents.Of(reference, referenceSize));
        var c = Percents.FillZeros(Percents.Of(current, currentSize));
        var sum = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            sum += (r[i] - c[i]) * Math.Log(r[i] / c[i]);
        }

        return sum;
    }
}
