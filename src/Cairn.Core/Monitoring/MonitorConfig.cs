namespace Cairn.Core.Monitoring;

/// <summary>
/// How a deployment is monitored on a schedule: every <see cref="IntervalSeconds"/> (null = not scheduled)
/// over the newest <see cref="Last"/> predictions or the last <see cref="WindowSeconds"/>, for one
/// <see cref="Variant"/> or every live variant, with drift overrides.
/// </summary>
public sealed record MonitorConfig
{
    public required string Deployment { get; init; }

    public double? IntervalSeconds { get; init; }

    public long? Last { get; init; }

    public double? WindowSeconds { get; init; }

    public string? Variant { get; init; }

    public DriftSettings Drift { get; init; } = new();

    /// <summary>UTC ms of the last scheduled run (null = never).</summary>
    public long? LastRunAt { get; init; }

    public long UpdatedAt { get; init; }
}

/// <summary>Drift overrides as stored (null = Evidently's default); Cairn.Monitoring maps them to its DriftOptions.</summary>
public sealed record DriftSettings
{
    public string? Method { get; init; }

    public double? Threshold { get; init; }

    public string? NumericMethod { get; init; }

    public double? NumericThreshold { get; init; }

    public string? CategoricalMethod { get; init; }

    public double? CategoricalThreshold { get; init; }

    public IReadOnlyDictionary<string, ColumnDriftSetting> PerColumn { get; init; } = new Dictionary<string, ColumnDriftSetting>();

    public double? DriftShare { get; init; }
}

public sealed record ColumnDriftSetting(string? Method, double? Threshold);
