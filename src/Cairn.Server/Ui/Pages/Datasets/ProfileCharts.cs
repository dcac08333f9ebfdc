using System.Text.Json.Nodes;
using Cairn.Contracts.Native.Datasets;

namespace Cairn.Server.Ui.Pages.Datasets;

/// <summary>The plotly bars of a column's stored profile: its histogram (numeric) or its top categories.</summary>
public static class ProfileCharts
{
    /// <summary>Categories beyond this many are left out of the bar chart (the profile keeps the top ones).</summary>
    public const int MaxCategoryBars = 20;

    /// <summary>One bar per histogram bin, centred on the bin and as wide as it; null when the profile has no histogram.</summary>
    public static JsonArray? Histogram(ColumnProfileDto column)
    {
        if (column.Histogram is not { Edges.Count: > 1 } histogram || histogram.Counts.Count != histogram.Edges.Count - 1)
        {
            return null;
        }

        var edges = histogram.Edges;
        var centres = new JsonArray();
        var widths = new JsonArray();
        var counts = new JsonArray();
        var ranges = new JsonArray();
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            centres.Add((edges[i] + edges[i + 1]) / 2);
            widths.Add(edges[i + 1] - edges[i]);
            counts.Add(histogram.Counts[i]);
            ranges.Add($"{Format.Number(edges[i])} – {Format.Number(edges[i + 1])}");
        }

        return new JsonArray(new JsonObject
        {
            ["type"] = "bar",
            ["name"] = PlotlyText.Escape(column.Name),
            ["x"] = centres,
            ["y"] = counts,
            ["width"] = widths,
            ["customdata"] = ranges,
            ["hovertemplate"] = "%{customdata}: %{y} rows<extra></extra>",
            ["marker"] = new JsonObject { ["color"] = "#2f6feb", ["line"] = new JsonObject { ["color"] = "#ffffff", ["width"] = 1 } },
        });
    }

    /// <summary>The most frequent categories as bars (full counts when the profile kept them, else the top ones); null when there are none.</summary>
    public static JsonArray? Categories(ColumnProfileDto column)
    {
        var categories = column.CategoryCounts is { Count: > 0 } all ? all : column.TopCategories;
        if (categories is not { Count: > 0 })
        {
            return null;
        }

        var top = categories.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(MaxCategoryBars).ToList();
        return new JsonArray(new JsonObject
        {
            ["type"] = "bar",
            ["name"] = PlotlyText.Escape(column.Name),
            ["x"] = new JsonArray([.. top.Select(c => (JsonNode?)JsonValue.Create(PlotlyText.Escape(c.Value)))]),
            ["y"] = new JsonArray([.. top.Select(c => (JsonNode?)JsonValue.Create(c.Count))]),
            ["marker"] = new JsonObject { ["color"] = "#8250df" },
        });
    }

    /// <summary>The x axis of category bars: long values shortened on the ticks (the bar's hover shows them whole).</summary>
    public static JsonObject CategoryAxis(JsonArray data)
    {
        var values = data[0]!["x"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        return new JsonObject
        {
            ["tickvals"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]),
            ["ticktext"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v.Length <= 20 ? v : v[..19] + "…"))]),
        };
    }

    /// <summary>What a column's chart shows: a histogram for numbers, category bars otherwise (none for unique values such as dates).</summary>
    public static (JsonArray Data, string XTitle)? For(ColumnProfileDto column)
    {
        if (Histogram(column) is { } histogram)
        {
            return (histogram, column.Name);
        }

        // A column whose values are all distinct (ids, dates) has no category worth a bar.
        return column.Distinct < column.Count && Categories(column) is { } categories ? (categories, column.Name) : null;
    }
}
