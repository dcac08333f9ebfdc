using Cairn.Cli.Output;
using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Tracking;

namespace Cairn.Cli.Commands;

/// <summary>How runs look in tables: one line per run, with a column per metric (latest values).</summary>
internal static class RunTables
{
    /// <summary>More metric columns than this would not fit a terminal; `runs show` has them all.</summary>
    private const int MaxMetricColumns = 6;

    public static Table Runs(IReadOnlyList<RunDto> runs, IReadOnlyList<string>? preferredMetrics = null)
    {
        var metricKeys = (preferredMetrics ?? [])
            .Concat(runs.SelectMany(r => r.Data.Metrics ?? []).Select(m => m.Key ?? string.Empty).Where(k => k.Length > 0).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxMetricColumns)
            .ToList();
        var headers = new[] { "RUN ID", "NAME", "STATUS", "STARTED", "DURATION" }.Concat(metricKeys).ToArray();
        var table = new Table(headers) { MaxCellWidth = 40 };
        for (var i = 5; i < headers.Length; i++)
        {
            table.AlignRight(i);
        }

        foreach (var run in runs)
        {
            var latest = (run.Data.Metrics ?? []).Where(m => m.Key is not null).GroupBy(m => m.Key!).ToDictionary(g => g.Key, g => g.Last().Value);
            var info = run.Info;
            var cells = new[] { info.RunId, info.RunName, info.Status, Formats.Time(info.StartTime), Formats.Duration(info.StartTime, info.EndTime) }
                .Concat(metricKeys.Select(k => latest.TryGetValue(k, out var v) ? Formats.Number(v) : string.Empty))
                .ToArray();
            table.AddRow(cells);
        }

        return table;
    }

    /// <summary>The metric keys an order-by mentions (<c>metrics.acc DESC</c> → acc), so sorted columns come first.</summary>
    public static IReadOnlyList<string> MetricKeysIn(IEnumerable<string> orderBy) =>
        orderBy
            .Select(clause => clause.Trim())
            .Where(clause => clause.StartsWith("metric", StringComparison.OrdinalIgnoreCase) && clause.Contains('.', StringComparison.Ordinal))
            .Select(clause =>
            {
                var identifier = clause[(clause.IndexOf('.', StringComparison.Ordinal) + 1)..];
                var space = identifier.LastIndexOf(' ');
                if (space > 0 && identifier[(space + 1)..].ToUpperInvariant() is "ASC" or "DESC")
                {
                    identifier = identifier[..space];
                }

                return identifier.Trim().Trim('`', '"');
            })
            .ToList();

    public static void WriteDetails(RunDto run, TextWriter output)
    {
        var info = run.Info;
        new Table("FIELD", "VALUE") { ShowHeader = false, MaxCellWidth = 200 }
            .AddRow("Run ID", info.RunId)
            .AddRow("Name", info.RunName)
            .AddRow("Experiment", info.ExperimentId)
            .AddRow("Status", info.Status)
            .AddRow("Stage", info.LifecycleStage)
            .AddRow("User", info.UserId)
            .AddRow("Started", Formats.Time(info.StartTime))
            .AddRow("Ended", Formats.Time(info.EndTime))
            .AddRow("Duration", Formats.Duration(info.StartTime, info.EndTime))
            .AddRow("Artifacts", info.ArtifactUri)
            .Write(output);

        WriteSection(output, "Params", KeyValues(run.Data.Params));

        var metrics = new Table("KEY", "VALUE", "STEP", "TIMESTAMP").AlignRight(1).AlignRight(2);
        foreach (var metric in (run.Data.Metrics ?? []).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            metrics.AddRow(metric.Key, Formats.Number(metric.Value), metric.Step?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0", Formats.Time(metric.Timestamp));
        }

        WriteSection(output, "Metrics (latest values)", metrics);
        WriteSection(output, "Tags", KeyValues(run.Data.Tags));
    }

    private static Table KeyValues(IReadOnlyList<KeyValueDto>? pairs)
    {
        var table = new Table("KEY", "VALUE") { MaxCellWidth = 80 };
        foreach (var pair in (pairs ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow(pair.Key, pair.Value);
        }

        return table;
    }

    private static void WriteSection(TextWriter output, string title, Table table)
    {
        output.WriteLine();
        output.WriteLine(title);
        if (table.RowCount == 0)
        {
            output.WriteLine("  (none)");
            return;
        }

        table.Write(output);
    }
}
