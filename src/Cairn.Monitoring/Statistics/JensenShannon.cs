namespace Cairn.Monitoring.Statistics;

/// <summary>
/// Jensen–Shannon distance with the natural logarithm, as <c>scipy.spatial.distance.jensenshannon(p, q)</c>:
/// both vectors are normalized to sum 1, then √((KL(p‖m) + KL(q‖m)) / 2) with m = (p + q)/2. Evidently
/// feeds it count/size percentages without zero filling.
/// </summary>
public static class JensenShannon
{
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length)
        {
            throw new ArgumentException("p and q need the same length");
        }

        double sumP = 0, sumQ = 0;
        for (var i = 0; i < p.Length; i++)
        {
            sumP += p[i];
            sumQ += q[i];
        }

        double left = 0, right = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var pi = p[i] / sumP;
            var qi = q[i] / sumQ;
            var m = (pi + qi) / 2.0;
            left += RelativeEntropy(pi, m);
            right += RelativeEntropy(qi, m);
        }

        return Math.Sqrt((left + right) / 2.0);
    }

    /// <summary>The distance between two count vectors taken as Evidently's percentages (count / size).</summary>
    public static double FromCounts(ReadOnlySpan<long> reference, long referenceSize, ReadOnlySpan<long> current, long currentSize) =>
        Distance(Percents.Of(reference, referenceSize), Percents.Of(current, currentSize));

    /// <summary>SciPy <c>rel_entr</c>: x·ln(x/y), 0 when x = 0.</summary>
    private static double RelativeEntropy(double x, double y) =>
        x > 0 && y > 0 ? x * Math.Log(x / y) : x == 0 && y >= 0 ? 0.0 : double.PositiveInfinity;
}
