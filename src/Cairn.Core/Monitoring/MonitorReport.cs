namespace Cairn.Core.Monitoring;

/// <summary>
/// One monitoring run over a window of a deployment's traffic: feature and prediction drift against the
/// model version's training profile, live performance from feedback, latency and errors, and the alerts
/// it fired. Stored (so triggers, the UI and the history read it) and exported as Prometheus gauges.
/// </summary>
public sealed record MonitorReport
{
    public long Id { get; init; }

    public required string Deployment { get; init; }

    /// <summary>The variant analysed (the reference is its model version's training profile).</summary>
    public required string Variant { get; init; }

    public required string Model { get; init; }

    public required long Version { get; init; }

    /// <summary>UTC milliseconds.</summary>
    public required long CreatedAt { get; init; }

    public required long WindowStart { get; init; }

    public required long WindowEnd { get; init; }

    /// <summary>Predictions in the window.</summary>
    public required long Rows { get; init; }

    public DatasetDrift? FeatureDrift { get; init; }

    public ColumnDrift? PredictionDrift { get; init; }

    public PerformanceSummary? Performance { get; init; }

    public ServiceHealth? Health { get; init; }

    /// <summary>Names of the alert rules that were firing when this report was made.</summary>
    public IReadOnlyList<string> FiringAlerts { get; init; } = [];
}

/// <summary>Live quality from feedback joined to predictions on the request id.</summary>
public sealed record PerformanceSummary
{
    /// <summary><c>classification</c> or <c>regression</c>.</summary>
    public required string Task { get; init; }

    /// <summary>Predictions in the window that have feedback.</summary>
    public required long Labelled { get; init; }

    /// <summary>accuracy, macro_f1, auc (binary) … or rmse, mae, r2.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>The same metrics per time slice of the window, oldest first.</summary>
    public IReadOnlyList<PerformancePoint> OverTime { get; init; } = [];
}

public sealed record PerformancePoint(long Start, long End, long Labelled, IReadOnlyDictionary<string, double> Metrics);

/// <summary>Request count, error rate and latency of the window (from the prediction log and serving metrics).</summary>
public sealed record ServiceHealth(long Requests, long Errors, double ErrorRate, double P50Ms, double P99Ms);
