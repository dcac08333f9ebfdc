namespace Cairn.Monitoring.Tests.Statistics;

/// <summary>Tolerances of the drift contract (Statistics/Contract/README.md, a copy of the shared contract).</summary>
internal static class Close
{
    /// <summary>Statistics: 1e-9 relative.</summary>
    public static void Statistic(double expected, double actual, string what = "statistic") =>
        Relative(expected, actual, 1e-9, 0, what);

    /// <summary>P-values: 1e-6 relative, or 1e-12 absolute for p-values below 1e-12.</summary>
    public static void PValue(double expected, double actual, string what = "p-value") =>
        Relative(expected, actual, 1e-6, 1e-12, what);

    public static void Relative(double expected, double actual, double relative, double absolute, string what)
    {
        var ok = expected == actual
            || Math.Abs(expected - actual) <= Math.Max(relative * Math.Abs(expected), absolute);
        Assert.True(ok, $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2})");
    }
}
