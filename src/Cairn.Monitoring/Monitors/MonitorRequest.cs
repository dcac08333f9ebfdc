namespace Cairn.Monitoring.Monitors;

/// <summary>
/// One monitoring run: a deployment, one variant (null = the live variants), and the window — the newest
/// <see cref="Last"/> predictions and/or [<see cref="From"/>, <see cref="To"/>) in UTC ms. With no window the
/// deployment's monitor config decides (default: the newest <see cref="MonitorService.DefaultLast"/>).
/// </summary>
public sealed record MonitorRequest(string Deployment, string? Variant = null, long? Last = null, long? From = null, long? To = null);
