using System.CommandLine;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Datasets;

namespace Cairn.Cli.Commands;

internal static partial class DataCommand
{
    private static Command Show(CliContext context)
    {
        var reference = new Argument<string>("dataset") { Description = "name, name@version (hash or prefix) or name@tag." };
        var command = new Command("show", "Show a dataset version: its schema and profile.") { reference };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var (name, version) = DataOutput.Reference(parse.GetValue(reference)!);
            var v = await client.GetDatasetVersionAsync(name, version, cancellationToken: cancellationToken);
            if (context.WantsJson(parse))
            {
                DataOutput.WriteJson(context.Out, v);
                return ExitCodes.Ok;
            }

            new Table("FIELD", "VALUE") { ShowHeader = false, MaxCellWidth = 200 }
                .AddRow("Name", v.Name)
                .AddRow("Version", v.Version)
                .AddRow("Format", v.Format)
                .AddRow("Rows", DataOutput.Count(v.RowCount))
                .AddRow("Columns", v.ColumnCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .AddRow("Size", DataOutput.Size(v.SizeBytes))
                .AddRow("Created", Formats.Time(v.CreatedAtMs))
                .AddRow("Source", v.SourceUri)
                .AddRow("Tags", string.Join(", ", v.Tags))
                .Write(context.Out);
            await context.Out.WriteLineAsync();
            ColumnsTable(v).Write(context.Out);
            await context.Out.WriteLineAsync();
            QuantilesTable(v).Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Table ColumnsTable(DatasetVersionDto v)
    {
        var table = new Table("COLUMN", "TYPE", "NULLABLE", "MISSING", "DISTINCT", "MIN", "MAX", "MEAN", "STD", "TOP VALUES")
            .AlignRight(3).AlignRight(4).AlignRight(5).AlignRight(6).AlignRight(7).AlignRight(8);
        var profiles = (v.Profile?.Columns ?? []).ToDictionary(c => c.Name);
        foreach (var column in v.Schema?.Columns ?? [])
        {
            var p = profiles.GetValueOrDefault(column.Name);
            var type = column.Type + (column.IsInteger ? " (int)" : "");
            var missing = p is null ? "" : p.Missing == 0 ? "0" : $"{DataOutput.Count(p.Missing)} ({DataOutput.Percent(p.MissingRate)})";
            var distinct = p is null ? "" : (p.DistinctIsEstimate ? "~" : "") + DataOutput.Count(p.Distinct);
            var min = p?.MinTime is { } t0 ? t0.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Formats.Number(p?.Min);
            var max = p?.MaxTime is { } t1 ? t1.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Formats.Number(p?.Max);
            var top = column.Type == "datetime" ? "" : string.Join(", ", (p?.TopCategories ?? []).Take(5).Select(c => $"{c.Value} ({DataOutput.Count(c.Count)})"));
            table.AddRow(column.Name, type, column.Nullable ? "yes" : "no", missing, distinct, min, max, Formats.Number(p?.Mean), Formats.Number(p?.Std), top);
        }

        return table;
    }

    private static Table QuantilesTable(DatasetVersionDto v)
    {
        var table = new Table("COLUMN", "P01", "P05", "P25", "P50", "P75", "P95", "P99", "HISTOGRAM");
        for (var i = 1; i < 8; i++)
        {
            table.AlignRight(i);
        }

        foreach (var p in (v.Profile?.Columns ?? []).Where(c => c.Quantiles is not null))
        {
            var q = p.Quantiles!;
            table.AddRow(p.Name + (p.Approximate ? " ~" : ""), Formats.Number(q.P01), Formats.Number(q.P05), Formats.Number(q.P25), Formats.Number(q.P50),
                Formats.Number(q.P75), Formats.Number(q.P95), Formats.Number(q.P99), Sparkline(p.Histogram));
        }

        return table;
    }

    // Unicode block characters draw the histogram's shape in one cell.
    private static string Sparkline(HistogramDto? histogram)
    {
        if (histogram is null || histogram.Counts.Count == 0)
        {
            return "";
        }

        const string blocks = "▁▂▃▄▅▆▇█";
        var max = Math.Max(1, histogram.Counts.Max());
        return string.Concat(histogram.Counts.Select(c => c == 0 ? ' ' : blocks[(int)Math.Min(blocks.Length - 1, c * blocks.Length / max)]));
    }
}
