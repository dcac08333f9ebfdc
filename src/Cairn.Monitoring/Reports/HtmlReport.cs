using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Reports;

/// <summary>A self-contained HTML monitoring report (inline CSS and SVG, no scripts from elsewhere).</summary>
public static class HtmlReport
{
    /// <summary>Renders <paramref name="report"/>; <paramref name="history"/> (older reports of the deployment, oldest first) draws performance and drift over time.</summary>
    public static string Render(MonitorReport report, IReadOnlyList<MonitorReport> history) => throw new NotImplementedException();
}
