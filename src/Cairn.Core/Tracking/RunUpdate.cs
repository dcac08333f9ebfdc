namespace Cairn.Core.Tracking;

/// <summary>A change to a run's status, end time or name; null fields stay as they are.</summary>
public sealed record RunUpdate(string RunId, RunStatus? Status, long? EndTime, string? RunName);
