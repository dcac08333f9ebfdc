namespace Cairn.Monitoring.Statistics;

/// <summary>
/// Pooled two-proportion z-test (Evidently's <c>z</c> drift test, also the rollout's accuracy test):
/// z = (p1 - p2) / √(P(1-P)(1/n1 + 1/n2)) with P the pooled proportion, two-sided p = erfc(|z|/√2).
/// </summary>
public static class TwoProportionZTest
{
    /// <summary>Compares s1 successes out of n1 with s2 out of n2.</summary>
    /// <remarks>When both samples are all successes or all failures there is no variance and nothing
    /// to tell apart: z = 0 and p = 1 (Evidently returns p = 1 when both sides hold the same single value).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, a sample is empty, or successes exceed the sample.</exception>
    public static (double Z, double PValue) Test(long s1, long n1, long s2, long n2)
    {
        Validate(s1, n1, nameof(s1), nameof(n1));
        Validate(s2, n2, nameof(s2), nameof(n2));

        var p1 = (double)s1 / n1;
        var p2 = (double)s2 / n2;
        var pooled = ((p1 * n1) + (p2 * n2)) / (n1 + n2);
        var variance = pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2));
        if (!(variance > 0))
        {
            return (0.0, 1.0);
        }

        var z = (p1 - p2) / Math.Sqrt(variance);
        return (z, Normal.TwoSidedPValue(z));
    }

    private static void Validate(long successes, long n, string successesName, string nName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nName);
        ArgumentOutOfRangeException.ThrowIfNegative(successes, successesName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n, successesName);
    }
}
