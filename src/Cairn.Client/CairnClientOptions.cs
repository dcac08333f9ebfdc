namespace Cairn.Client;

/// <summary>Tuning knobs of a <see cref="CairnClient"/>. The defaults suit a training script talking to a nearby server.</summary>
public sealed class CairnClientOptions
{
    /// <summary>How many times a request answered 429 or 503 is retried before the error is raised. Default 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First retry delay when the server sends no <c>Retry-After</c>; it doubles on each attempt. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one retry delay, including one asked for by <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Timeout of one HTTP request when the client creates its own <see cref="HttpClient"/>. Default 120 s, as
    /// MLflow's client. Ignored when an <see cref="HttpClient"/> is passed in (its own timeout applies).
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Metrics per background <c>log-batch</c> call of an <see cref="ActiveRun"/> (1 to 1000, MLflow's limit). Default 1000.</summary>
    public int MetricBatchSize { get; init; } = 1000;

    /// <summary>How long a logged metric may wait in the buffer before it is sent. Default 2 s.</summary>
    public TimeSpan MetricFlushInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Full metric batches that may wait for the network before <see cref="ActiveRun.LogMetricAsync"/> waits too,
    /// which bounds memory when a script logs faster than the server accepts. Default 4.
    /// </summary>
    public int MaxPendingMetricBatches { get; init; } = 4;

    /// <summary>The user recorded on new runs (<c>user_id</c> and the <c>mlflow.user</c> tag). Default: the OS user name.</summary>
    public string? UserId { get; init; }

    /// <summary>The clock for run start/end times, metric timestamps, flush timers and retry delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(MetricBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MetricBatchSize, MlflowLimits.MaxMetricsPerBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPendingMetricBatches, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MetricFlushInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
