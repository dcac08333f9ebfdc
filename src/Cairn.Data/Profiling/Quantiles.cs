namespace Cairn.Data.Profiling;

/// <summary>The 1st, 5th, 25th, 50th, 75th, 95th and 99th percentiles.</summary>
public sealed record Quantiles(double P01, double P05, double P25, double P50, double P75, double P95, double P99)
{
    public static readonly double[] Levels = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
}
