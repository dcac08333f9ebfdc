namespace Cairn.Monitoring.Reports;

/// <summary>The report's inline stylesheet (system fonts only, so the file needs no network).</summary>
internal static class ReportStyles
{
    internal const string ReferenceColor = "#4d78c8";

    internal const string CurrentColor = "#e0603f";

    internal static readonly string[] SeriesColors = ["#4d78c8", "#e0603f", "#3f9e6e", "#9a5cc6", "#c79a1e", "#4aa3b5", "#777777"];

    internal const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 24px; color: #222; background: #fafafa; }
        h1 { font-size: 22px; margin: 0 0 4px 0; }
        h2 { font-size: 17px; margin: 28px 0 8px 0; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        .meta { color: #555; font-size: 13px; margin: 2px 0; }
        .summary { font-size: 16px; margin: 14px 0; padding: 10px 14px; border-radius: 6px; background: #eef3fb; }
        .summary.drift { background: #fdecea; }
        table { border-collapse: collapse; background: #fff; font-size: 13px; }
        th, td { border: 1px solid #e2e2e2; padding: 4px 8px; text-align: left; vertical-align: middle; }
        th { background: #f1f1f1; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .yes { color: #b3261e; font-weight: 600; }
        .no { color: #2e7d32; }
        .muted { color: #888; }
        details { margin: 4px 0; }
        summary { cursor: pointer; color: #335; }
        .legend { font-size: 12px; color: #444; margin: 2px 0 6px 0; }
        .swatch { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; border-radius: 2px; }
        .cards { display: flex; flex-wrap: wrap; gap: 10px; }
        .card { background: #fff; border: 1px solid #e2e2e2; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
        .card .label { font-size: 12px; color: #666; }
        .card .value { font-size: 20px; font-weight: 600; }
        ul.alerts li { color: #b3261e; }
        svg text { font-size: 10px; fill: #555; }
        footer { margin-top: 32px; font-size: 12px; color: #888; }
        """;
}
