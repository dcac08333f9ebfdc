namespace Cairn.Serving.Batch;

/// <summary>How a batch is scored: rows per chunk (one Parquet row group each) and chunks scored at once.</summary>
public sealed record BatchScoringOptions
{
    public const int DefaultBatchSize = 10_000;

    /// <summary>Rows per chunk; memory holds about (<see cref="MaxParallelism"/> + 2) chunks.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Chunks scored concurrently (the scorer is thread-safe); reading and writing overlap with them.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>What a batch scoring did.</summary>
public sealed record BatchScoringResult(long Rows, TimeSpan Elapsed, IReadOnlyList<string> OutputColumns)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}
