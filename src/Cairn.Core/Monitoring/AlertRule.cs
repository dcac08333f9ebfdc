namespace Cairn.Core.Monitoring;

/// <summary>
/// Fires when <c>Metric Op Threshold</c> holds on a report of the deployment (e.g. accuracy &lt; 0.7) and
/// resolves when a later report of the same variant no longer satisfies it. Whether it is firing is
/// per-variant state kept by the store (<see cref="AlertState"/>).
/// </summary>
public sealed record AlertRule(string Name, string Metric, string Op, double Threshold);

/// <summary>A rule that is currently firing for a variant, since when (UTC ms) and at which report.</summary>
public sealed record AlertState(string Rule, string Variant, long Since, long ReportId, double? Value);

/// <summary>An alert firing or resolving, with the metric's value and the report that caused it.</summary>
public sealed record AlertEvent
{
    public long Id { get; init; }

    public required string Deployment { get; init; }

    public required string Variant { get; init; }

    public required string Rule { get; init; }

    public required string Metric { get; init; }

    public required string Op { get; init; }

    public required double Threshold { get; init; }

    /// <summary><see cref="AlertEventStates.Fired"/> or <see cref="AlertEventStates.Resolved"/>.</summary>
    public required string State { get; init; }

    /// <summary>The metric's value on the report (null when the report does not have it).</summary>
    public double? Value { get; init; }

    public required long Timestamp { get; init; }

    public required long ReportId { get; init; }
}

public static class AlertEventStates
{
    public const string Fired = "fired";
    public const string Resolved = "resolved";
}
