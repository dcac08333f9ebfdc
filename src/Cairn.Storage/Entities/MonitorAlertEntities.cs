namespace Cairn.Storage.Entities;

/// <summary>An alert rule of a deployment; <see cref="Position"/> keeps the order the user gave.</summary>
public sealed class MonitorAlertRuleEntity
{
    public required string Deployment { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public required string Metric { get; set; }
    public required string Op { get; set; }
    public double Threshold { get; set; }
}

/// <summary>A rule that is firing for a variant (the row exists from the fired event to the resolved one).</summary>
public sealed class MonitorAlertStateEntity
{
    public required string Deployment { get; set; }
    public required string Rule { get; set; }
    public required string Variant { get; set; }
    public long Since { get; set; }
    public long ReportId { get; set; }
    public double? Value { get; set; }
}

/// <summary>An alert fired or resolved, with the rule as it was then.</summary>
public sealed class MonitorAlertEventEntity
{
    public long Id { get; set; }
    public required string Deployment { get; set; }
    public required string Variant { get; set; }
    public required string Rule { get; set; }
    public required string Metric { get; set; }
    public required string Op { get; set; }
    public double Threshold { get; set; }
    public required string State { get; set; }
    public double? Value { get; set; }
    public long Timestamp { get; set; }
    public long ReportId { get; set; }
}
