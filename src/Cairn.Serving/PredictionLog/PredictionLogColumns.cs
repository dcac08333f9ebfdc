using Cairn.Data.Tables;

namespace Cairn.Serving.PredictionLog;

/// <summary>
/// Prediction records read column-wise, oldest first: the fixed columns as arrays (null when not
/// requested) and the input features as a <see cref="DataTable"/> (numbers as doubles with NaN for
/// missing, booleans, UTC times, strings), ready for profiling and drift tests.
/// </summary>
public sealed class PredictionLogColumns
{
    public static PredictionLogColumns Empty { get; } = new() { RequestIds = [], Timestamps = [], Variants = [], Shadow = [], Features = new DataTable([]) };

    public int RowCount => RequestIds.Length;

    public required string[] RequestIds { get; init; }

    /// <summary>UTC milliseconds.</summary>
    public required long[] Timestamps { get; init; }

    public required string[] Variants { get; init; }

    public required bool[] Shadow { get; init; }

    public string[]? Models { get; init; }

    public long[]? Versions { get; init; }

    public string?[]? Labels { get; init; }

    public double[]? Scores { get; init; }

    public double[]?[]? Probabilities { get; init; }

    public long[]? LatencyMicros { get; init; }

    public required DataTable Features { get; init; }
}
