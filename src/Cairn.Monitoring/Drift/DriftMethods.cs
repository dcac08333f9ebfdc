namespace Cairn.Monitoring.Drift;

/// <summary>The drift tests, with Evidently's default thresholds and how each compares with its threshold.</summary>
public static class DriftMethods
{
    public const string Ks = "ks";
    public const string ChiSquare = "chisquare";
    public const string Z = "z";
    public const string Wasserstein = "wasserstein";
    public const string JensenShannon = "jensenshannon";
    public const string Psi = "psi";

    /// <summary>Every method name, in the order error messages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Ks, ChiSquare, Z, Wasserstein, JensenShannon, Psi];

    public static bool IsKnown(string method) => All.Contains(method, StringComparer.Ordinal);

    /// <summary>True for tests whose score is a p-value (drift when small), false for distances (drift when large).</summary>
    public static bool IsPValue(string method) => method is Ks or ChiSquare or Z;

    /// <summary>Whether the method needs numbers (KS and Wasserstein cannot test categories).</summary>
    public static bool NeedsNumbers(string method) => method is Ks or Wasserstein;

    /// <summary>Evidently's defaults: 0.05 for p-value tests, 0.1 for the distances (PSI included).</summary>
    public static double DefaultThreshold(string method) => IsPValue(method) ? 0.05 : 0.1;

    /// <summary>Evidently's comparison: KS drifts at p ≤ threshold, chi-square and z at p &lt; threshold, distances at ≥ threshold.</summary>
    public static bool Drifted(string method, double score, double threshold) => method switch
    {
        Ks => score <= threshold,
        ChiSquare or Z => score < threshold,
        _ => score >= threshold,
    };
}
