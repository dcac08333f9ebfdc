using System.Text;
using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Reports;

/// <summary>Server-side SVG: sparkline and overlaid histograms of a column's binned distributions, and line charts over time.</summary>
internal static class SvgCharts
{
    internal sealed record Series(string Name, IReadOnlyList<(long X, double Y)> Points);

    private const string SvgOpen = "<svg xmlns=\"http://www.w3.org/2000/svg\" ";

    /// <summary>Shares of the total per bin (0 when the total is 0).</summary>
    internal static double[] Shares(IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        return [.. counts.Select(c => total == 0 ? 0 : (double)c / total)];
    }

    /// <summary>A small bar histogram; <paramref name="scale"/> is the share drawn at full height, shared by the reference and current sparklines of a row.</summary>
    internal static string Sparkline(IReadOnlyList<long> counts, double scale, string color)
    {
        const double Width = 120, Height = 28;
        var svg = new StringBuilder(SvgOpen).Append("width=\"120\" height=\"28\" viewBox=\"0 0 120 28\" role=\"img\">");
        var shares = Shares(counts);
        if (shares.Length > 0 && scale > 0)
        {
            var barWidth = Width / shares.Length;
            for (var i = 0; i < shares.Length; i++)
            {
                var height = shares[i] / scale * (Height - 2);
                Rect(svg, i * barWidth, Height - height, Math.Max(barWidth - 1, 0.5), height, color, 1);
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Reference and current distributions overlaid (percent of each), with the reference mean ± 1 std band for numeric columns.</summary>
    internal static string Histogram(ColumnDrift column)
    {
        const double Width = 640, Height = 230, Left = 44, Right = 10, Top = 10, Bottom = 40;
        var reference = Shares(column.ReferenceCounts);
        var current = Shares(column.CurrentCounts);
        var bins = Math.Max(reference.Length, current.Length);
        var svg = new StringBuilder(SvgOpen).Append("width=\"640\" height=\"230\" viewBox=\"0 0 640 230\" role=\"img\">");
        if (bins == 0)
        {
            return svg.Append("<text x=\"20\" y=\"30\">no distribution recorded</text></svg>").ToString();
        }

        var top = Math.Max(reference.DefaultIfEmpty().Max(), current.DefaultIfEmpty().Max());
        top = top <= 0 ? 1 : top * 1.1;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var barWidth = plotWidth / bins;
        YAxis(svg, Left, Top, plotWidth, plotHeight, 0, top, Html.Percent);

        var edges = column.BinEdges;
        if (edges is { Count: >= 2 } && column.ReferenceMean is { } mean && column.ReferenceStd is { } std && double.IsFinite(mean) && double.IsFinite(std))
        {
            // The band Evidently draws: reference mean ± 1 std, mapped onto the bin axis.
            var (low, high) = (edges[0], edges[^1]);
            if (high > low)
            {
                var x0 = Left + (Math.Clamp(mean - std, low, high) - low) / (high - low) * plotWidth;
                var x1 = Left + (Math.Clamp(mean + std, low, high) - low) / (high - low) * plotWidth;
                Rect(svg, x0, Top, Math.Max(x1 - x0, 1), plotHeight, "#7a9cd6", 0.12, $"reference mean ± std: {Html.Number(mean)} ± {Html.Number(std)}");
            }
        }

        for (var i = 0; i < bins; i++)
        {
            var label = BinLabel(column, i);
            var x = Left + (i * barWidth);
            var r = i < reference.Length ? reference[i] : 0;
            var c = i < current.Length ? current[i] : 0;
            Rect(svg, x + 1, Top + plotHeight - (r / top * plotHeight), Math.Max(barWidth - 2, 0.5), r / top * plotHeight, ReportStyles.ReferenceColor, 0.55,
                $"{label}: reference {Html.Percent(r)}");
            Rect(svg, x + 1, Top + plotHeight - (c / top * plotHeight), Math.Max(barWidth - 2, 0.5), c / top * plotHeight, ReportStyles.CurrentColor, 0.55,
                $"{label}: current {Html.Percent(c)}");
        }

        XLabels(svg, column, bins, Left, barWidth, Top + plotHeight);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Lines over time; points carry their value in a tooltip. Null when there is nothing to draw.</summary>
    internal static string? LineChart(IReadOnlyList<Series> series, Func<double, string> format)
    {
        const double Width = 640, Height = 200, Left = 54, Right = 14, Top = 10, Bottom = 28;
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Y)).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var (minX, maxX) = (points.Min(p => p.X), points.Max(p => p.X));
        var (minY, maxY) = (points.Min(p => p.Y), points.Max(p => p.Y));
        if (maxY - minY < 1e-12)
        {
            (minY, maxY) = (minY - 0.5, maxY + 0.5);
        }

        var pad = (maxY - minY) * 0.08;
        (minY, maxY) = (minY - pad, maxY + pad);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(long x) => maxX == minX ? Left + (plotWidth / 2) : Left + ((double)(x - minX) / (maxX - minX) * plotWidth);
        double Y(double y) => Top + plotHeight - ((y - minY) / (maxY - minY) * plotHeight);

        var svg = new StringBuilder(SvgOpen).Append("width=\"640\" height=\"200\" viewBox=\"0 0 640 200\" role=\"img\">");
        YAxis(svg, Left, Top, plotWidth, plotHeight, minY, maxY, format);
        Text(svg, Left, Height - 8, Html.ShortTime(minX), "start");
        if (maxX != minX)
        {
            Text(svg, Left + plotWidth, Height - 8, Html.ShortTime(maxX), "end");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var color = ReportStyles.SeriesColors[s % ReportStyles.SeriesColors.Length];
            var finite = series[s].Points.Where(p => double.IsFinite(p.Y)).OrderBy(p => p.X).ToList();
            if (finite.Count > 1)
            {
                svg.Append("<polyline fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"2\" points=\"")
                    .AppendJoin(' ', finite.Select(p => Html.Coordinate(X(p.X)) + "," + Html.Coordinate(Y(p.Y)))).Append("\"/>");
            }

            foreach (var p in finite)
            {
                svg.Append("<circle cx=\"").Append(Html.Coordinate(X(p.X))).Append("\" cy=\"").Append(Html.Coordinate(Y(p.Y)))
                    .Append("\" r=\"3\" fill=\"").Append(color).Append("\"><title>")
                    .Append(Html.Escape($"{series[s].Name} {format(p.Y)} at {Html.Time(p.X)}")).Append("</title></circle>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The legend line under a chart (HTML, colours matching the series order).</summary>
    internal static string Legend(IEnumerable<(string Name, string Color)> entries)
    {
        var html = new StringBuilder("<div class=\"legend\">");
        foreach (var (name, color) in entries)
        {
            html.Append("<span class=\"swatch\" style=\"background:").Append(color).Append("\"></span>").Append(Html.Escape(name));
        }

        return html.Append("</div>").ToString();
    }

    private static string BinLabel(ColumnDrift column, int bin)
    {
        if (column.Categories is { } categories && bin < categories.Count)
        {
            return categories[bin];
        }

        return column.BinEdges is { } edges && bin + 1 < edges.Count ? $"[{Html.Number(edges[bin])}, {Html.Number(edges[bin + 1])})" : $"bin {bin + 1}";
    }

    private static void XLabels(StringBuilder svg, ColumnDrift column, int bins, double left, double barWidth, double axisY)
    {
        if (column.Categories is { Count: > 0 } categories)
        {
            // Show every label when they fit, else every k-th one; the full name is in each bar's tooltip.
            var step = Math.Max(1, (int)Math.Ceiling(bins * 60.0 / 586));
            for (var i = 0; i < Math.Min(bins, categories.Count); i += step)
            {
                Text(svg, left + (i * barWidth) + (barWidth / 2), axisY + 14, Html.Truncate(categories[i], 12), "middle");
            }

            return;
        }

        if (column.BinEdges is { Count: >= 2 } edges)
        {
            var ticks = Math.Min(edges.Count - 1, 6);
            for (var t = 0; t <= ticks; t++)
            {
                var index = (int)Math.Round((double)t / ticks * (edges.Count - 1));
                var anchor = t == 0 ? "start" : t == ticks ? "end" : "middle";
                Text(svg, left + (index * barWidth), axisY + 14, Html.Number(edges[index]), anchor);
            }
        }
    }

    private static void YAxis(StringBuilder svg, double left, double top, double width, double height, double min, double max, Func<double, string> format)
    {
        for (var t = 0; t <= 4; t++)
        {
            var y = top + height - (t / 4.0 * height);
            svg.Append("<line x1=\"").Append(Html.Coordinate(left)).Append("\" x2=\"").Append(Html.Coordinate(left + width))
                .Append("\" y1=\"").Append(Html.Coordinate(y)).Append("\" y2=\"").Append(Html.Coordinate(y)).Append("\" stroke=\"#e6e6e6\"/>");
            Text(svg, left - 4, y + 3, format(min + (t / 4.0 * (max - min))), "end");
        }
    }

    private static void Rect(StringBuilder svg, double x, double y, double width, double height, string color, double opacity, string? title = null)
    {
        svg.Append("<rect x=\"").Append(Html.Coordinate(x)).Append("\" y=\"").Append(Html.Coordinate(y)).Append("\" width=\"").Append(Html.Coordinate(width))
            .Append("\" height=\"").Append(Html.Coordinate(Math.Max(height, 0))).Append("\" fill=\"").Append(color).Append("\" fill-opacity=\"")
            .Append(Html.Coordinate(opacity)).Append('"');
        if (title is null)
        {
            svg.Append("/>");
            return;
        }

        svg.Append("><title>").Append(Html.Escape(title)).Append("</title></rect>");
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append("<text x=\"").Append(Html.Coordinate(x)).Append("\" y=\"").Append(Html.Coordinate(y)).Append("\" text-anchor=\"").Append(anchor).Append("\">")
            .Append(Html.Escape(text)).Append("</text>");
}
