namespace Cairn.Data.Profiling;

/// <summary>Bounds of inference and profiling. The defaults are what stored profiles use.</summary>
public sealed record ProfileOptions
{
    public static readonly ProfileOptions Default = new();

    /// <summary>A string column with at most this many distinct values may be categorical.</summary>
    public int MaxCategories { get; init; } = 50;

    /// <summary>...and its distinct count is at most this share of its values (or at most their square root, for small files).</summary>
    public double CategoricalRatio { get; init; } = 0.05;

    /// <summary>Distinct values counted exactly per column; beyond it, a HyperLogLog estimate.</summary>
    public int ExactDistinctBound { get; init; } = 10_000;

    public int SampleCapacity { get; init; } = 10_000;

    public long SampleSeed { get; init; } = 20240101;

    public int TopCategories { get; init; } = 20;

    public int MaxHistogramBins { get; init; } = 20;
}
