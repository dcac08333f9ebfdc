namespace Cairn.Storage.Entities;

/// <summary>
/// One monitor report: the columns that are filtered or sorted on, and the whole report as JSON (its drift
/// tables and histograms are read whole, never queried). No foreign key: reports outlive a deleted deployment.
/// </summary>
public sealed class MonitorReportEntity
{
    public long Id { get; set; }
    public required string Deployment { get; set; }
    public required string Variant { get; set; }
    public required string Model { get; set; }
    public long Version { get; set; }
    public long CreatedAt { get; set; }
    public long Rows { get; set; }
    public required string BodyJson { get; set; }
}
