using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Monitoring;

namespace Cairn.Cli.Commands.Monitor;

/// <summary>Tables, JSON, durations and file names of <c>cairn monitor</c>.</summary>
internal static class MonitorOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new(MonitoringJsonContext.Default.Options) { WriteIndented = true };

    public static void Json<T>(TextWriter writer, T value) =>
        writer.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T))));

    /// <summary>A period in seconds: a number with s, m, h or d (<c>90s</c>, <c>5m</c>, <c>1h</c>, <c>1.5h</c>), or plain seconds.</summary>
    public static double ParseDuration(string text, string option)
    {
        var value = text.Trim();
        var unit = value.Length > 0 && char.IsLetter(value[^1]) ? char.ToLowerInvariant(value[^1]) : 's';
        var number = char.IsLetter(value.LastOrDefault()) ? value[..^1] : value;
        double? factor = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => null };
        if (factor is null || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !(amount > 0) || !double.IsFinite(amount))
        {
            throw new CliUsageException($"{option} must be a positive period such as 90s, 5m, 1h or 2d (got '{text}').");
        }

        return amount * factor.Value;
    }

    public static string Duration(double? seconds) => seconds switch
    {
        null => "",
        >= 86400 when seconds % 86400 == 0 => $"{seconds / 86400}d",
        >= 3600 when seconds % 3600 == 0 => $"{seconds / 3600}h",
        >= 60 when seconds % 60 == 0 => $"{seconds / 60}m",
        { } s => $"{s.ToString("0.###", CultureInfo.InvariantCulture)}s",
    };

    /// <summary>Where <c>report</c> writes a report's HTML.</summary>
    public static string HtmlPath(string? given, MonitorReportDto report, bool several)
    {
        if (given is null)
        {
            return Sanitize($"monitor-{report.Deployment}-{report.Variant}-{report.Id}.html");
        }

        if (!several)
        {
            return given;
        }

        var extension = Path.GetExtension(given);
        return string.Concat(given.AsSpan(0, given.Length - extension.Length), "-", Sanitize(report.Variant), extension);
    }

    /// <summary>The header, the drift table, the summary and performance of one report (<c>run</c>).</summary>
    public static void Report(TextWriter output, MonitorReportDto report)
    {
        output.WriteLine($"Report {report.Id}: {report.Deployment}/{report.Variant} ({report.Model}@{report.Version}), " +
            $"{report.Rows} rows from {Formats.Time(report.WindowStart)} to {Formats.Time(report.WindowEnd)}");
        var columns = (report.FeatureDrift?.Columns ?? []).Concat(report.PredictionDrift is { } p ? [p] : []).ToList();
        if (columns.Count > 0)
        {
            output.WriteLine();
            var table = new Table("COLUMN", "TYPE", "TEST", "SCORE", "THRESHOLD", "DRIFT").AlignRight(3).AlignRight(4);
            foreach (var c in columns)
            {
                var name = ReferenceEquals(c, report.PredictionDrift) ? $"{c.Column} (output)" : c.Column;
                table.AddRow(name, c.Type, c.Method, c.Skipped is null ? Formats.Number(c.Score) : "", Threshold(c),
                    c.Skipped is { } why ? $"skipped: {why}" : c.Drifted ? "DRIFT" : "no");
            }

            table.Write(output);
            output.WriteLine();
        }

        Summary(output, report);
    }

    /// <summary>The drift sentence, performance, health and alerts in a few lines.</summary>
    public static void Summary(TextWriter output, MonitorReportDto report)
    {
        if (report.FeatureDrift is { } drift)
        {
            var tested = drift.Columns.Count(c => c.Skipped is null);
            output.WriteLine($"Drift is detected for {Percent(drift.Share)} of columns ({drift.DriftedColumns} out of {tested}): " +
                $"{(drift.Drifted ? "DATASET DRIFT" : "no dataset drift")} (dataset drift at a share of {Formats.Number(drift.DriftShare)} or more).");
        }
        else
        {
            output.WriteLine($"Report {report.Id}: no feature drift computed ({report.Rows} rows).");
        }

        if (report.PredictionDrift is { Skipped: null } prediction)
        {
            output.WriteLine($"Prediction drift: {(prediction.Drifted ? "DRIFT" : "no")} ({prediction.Method} {Formats.Number(prediction.Score)}).");
        }

        if (report.Performance is { } performance)
        {
            var metrics = string.Join(", ", performance.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {Formats.Number(m.Value)}"));
            output.WriteLine($"Performance ({performance.Task}, {performance.Labelled} labelled): {metrics}");
        }

        if (report.Health is { } health)
        {
            output.WriteLine($"Health: {health.Requests} requests, {health.Errors} errors ({Percent(health.ErrorRate)}), " +
                $"p50 {Formats.Number(health.P50Ms)} ms, p99 {Formats.Number(health.P99Ms)} ms.");
        }

        output.WriteLine(report.FiringAlerts is { Count: > 0 } alerts ? $"Firing alerts: {string.Join(", ", alerts)}" : "No alert is firing.");
    }

    public static Table Reports(IEnumerable<MonitorReportDto> reports)
    {
        var table = new Table("ID", "CREATED", "VARIANT", "MODEL", "ROWS", "DRIFT SHARE", "DATASET DRIFT", "PREDICTION DRIFT", "PERFORMANCE", "ALERTS")
            .AlignRight(0).AlignRight(4).AlignRight(5);
        foreach (var r in reports)
        {
            var headline = r.Performance?.Metrics.Where(m => m.Key is "accuracy" or "rmse").Select(m => $"{m.Key} {Formats.Number(m.Value)}").FirstOrDefault();
            table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), Formats.Time(r.CreatedAt), r.Variant, $"{r.Model}@{r.Version}",
                r.Rows.ToString(CultureInfo.InvariantCulture), r.FeatureDrift is { } d ? Percent(d.Share) : "",
                r.FeatureDrift is null ? "" : r.FeatureDrift.Drifted ? "yes" : "no",
                r.PredictionDrift is { Skipped: null } p ? (p.Drifted ? "yes" : "no") : "", headline ?? "", string.Join(", ", r.FiringAlerts ?? []));
        }

        return table;
    }

    public static Table Alerts(IEnumerable<AlertEventDto> alerts)
    {
        var table = new Table("TIME", "RULE", "VARIANT", "STATE", "CONDITION", "VALUE", "REPORT").AlignRight(5).AlignRight(6);
        foreach (var a in alerts)
        {
            table.AddRow(Formats.Time(a.Timestamp), a.Rule, a.Variant, a.State, $"{a.Metric} {a.Op} {Formats.Number(a.Threshold)}", Formats.Number(a.Value),
                a.ReportId.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    public static Table Rules(IEnumerable<AlertRuleDto> rules)
    {
        var table = new Table("NAME", "METRIC", "OP", "THRESHOLD", "FIRING", "SINCE").AlignRight(3);
        foreach (var r in rules)
        {
            table.AddRow(r.Name, r.Metric, r.Op, Formats.Number(r.Threshold), r.Firing == true ? "yes" : "no", r.Firing == true ? Formats.Time(r.Since) : "");
        }

        return table;
    }

    public static void Config(TextWriter output, MonitorConfigDto config)
    {
        var drift = config.Drift;
        var table = new Table("FIELD", "VALUE") { ShowHeader = false, MaxCellWidth = 200 }
            .AddRow("Schedule", config.IntervalSeconds is { } every ? $"every {Duration(every)}" : "not scheduled (run with `cairn monitor run`)")
            .AddRow("Window", config.Last is { } last ? $"last {last} predictions" : config.WindowSeconds is { } w ? $"last {Duration(w)}" : "default (last 1000 predictions)")
            .AddRow("Variant", config.Variant ?? "every live variant")
            .AddRow("Drift test", Test(drift?.Method, drift?.Threshold, "Evidently's default per column"))
            .AddRow("Numeric columns", Test(drift?.NumericMethod, drift?.NumericThreshold, "default"))
            .AddRow("Categorical columns", Test(drift?.CategoricalMethod, drift?.CategoricalThreshold, "default"))
            .AddRow("Drift share", Formats.Number(drift?.DriftShare ?? 0.5));
        foreach (var (column, value) in (drift?.PerColumn ?? []).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            table.AddRow($"Column {column}", Test(value.Method, value.Threshold, "default"));
        }

        table.AddRow("Last run", config.LastRunAt is { } lastRun ? Formats.Time(lastRun) : "never")
            .AddRow("Next run", config.NextRunAt is { } next ? Formats.Time(next) : "");
        table.Write(output);
    }

    private static string Test(string? method, double? threshold, string fallback) =>
        (method, threshold) switch
        {
            (null, null) => fallback,
            (null, { } t) => $"default test, threshold {Formats.Number(t)}",
            ({ } m, null) => $"{m}, default threshold",
            ({ } m, { } t) => $"{m}, threshold {Formats.Number(t)}",
        };

    private static string Threshold(ColumnDriftDto c) => c.IsPValue ? $"p < {Formats.Number(c.Threshold)}" : $">= {Formats.Number(c.Threshold)}";

    private static string Percent(double ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Names from the server go into a file name: keep it to one safe path segment.</summary>
    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
