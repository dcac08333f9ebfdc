namespace Cairn.Contracts.Native.Monitoring;

/// <summary>
/// One monitoring run on the wire (mirrors Core's MonitorReport): the window analysed (UTC ms), feature
/// and prediction drift against the training profile, live performance from feedback, service health and
/// the alert rules that were firing.
/// </summary>
public sealed record MonitorReportDto(
    long Id,
    string Deployment,
    string Variant,
    string Model,
    long Version,
    long CreatedAt,
    long WindowStart,
    long WindowEnd,
    long Rows,
    DatasetDriftDto? FeatureDrift = null,
    ColumnDriftDto? PredictionDrift = null,
    PerformanceSummaryDto? Performance = null,
    ServiceHealthDto? Health = null,
    List<string>? FiringAlerts = null);

/// <summary>The drift verdict of one column (mirrors Core's ColumnDrift); <c>skipped</c> says why a column was not tested.</summary>
public sealed record ColumnDriftDto(
    string Column,
    string Type,
    string Method,
    double Score,
    double Statistic,
    double Threshold,
    bool IsPValue,
    bool Drifted,
    long ReferenceCount,
    long CurrentCount,
    double? ReferenceMean = null,
    double? ReferenceStd = null,
    double? CurrentMean = null,
    List<double>? BinEdges = null,
    List<string>? Categories = null,
    List<long>? ReferenceCounts = null,
    List<long>? CurrentCounts = null,
    string? Skipped = null);

/// <summary>Dataset drift (mirrors Core's DatasetDrift): drifted when <c>share</c> reaches <c>drift_share</c>.</summary>
public sealed record DatasetDriftDto(List<ColumnDriftDto> Columns, int DriftedColumns, double Share, double DriftShare, bool Drifted);

/// <summary>Live quality from feedback (mirrors Core's PerformanceSummary): <c>task</c> is classification or regression.</summary>
public sealed record PerformanceSummaryDto(string Task, long Labelled, Dictionary<string, double> Metrics, List<PerformancePointDto>? OverTime = null);

public sealed record PerformancePointDto(long Start, long End, long Labelled, Dictionary<string, double> Metrics);

/// <summary>Requests, errors and latency of the window (mirrors Core's ServiceHealth).</summary>
public sealed record ServiceHealthDto(long Requests, long Errors, double ErrorRate, double P50Ms, double P99Ms);
