using System.CommandLine;
using Cairn.Client;
using Cairn.Contracts.Native.Monitoring;

namespace Cairn.Cli.Commands.Monitor;

/// <summary>
/// <c>cairn monitor run|report|reports|alerts|config|alert-rules</c>: drift, live performance and alerts
/// of a deployment. <c>run</c> prints the drift table, <c>report</c> also saves the HTML report.
/// </summary>
internal static partial class MonitorCommand
{
    public static Command Create(CliContext context) =>
        new("monitor", "Monitor a deployment: feature and prediction drift, live performance, health, alerts and HTML reports.")
        {
            RunCommand(context),
            ReportCommand(context),
            ReportsCommand(context),
            AlertsCommand(context),
            ConfigCommand(context),
            AlertRulesCommand(context),
        };

    private static Option<string> DeploymentOption(bool required = true) =>
        new("--deployment", "-d") { Description = "The deployment's name.", Required = required };

    /// <summary>The window options of run and report.</summary>
    private sealed class WindowOptions
    {
        public Option<string?> Variant { get; } = new("--variant") { Description = "Only this variant (default: every live variant, one report each)." };

        public Option<long?> Last { get; } = new("--last") { Description = "The last N predictions (default: the deployment's monitor config, else 1000)." };

        public Option<string?> Window { get; } = new("--window") { Description = "The predictions of the last period, e.g. 30m, 1h, 2d (not with --last)." };

        public void AddTo(Command command)
        {
            command.Options.Add(Variant);
            command.Options.Add(Last);
            command.Options.Add(Window);
        }

        public RunMonitorRequest Request(ParseResult parse)
        {
            var last = parse.GetValue(Last);
            var window = parse.GetValue(Window);
            if (last is not null && window is not null)
            {
                throw new CliUsageException("give --last or --window, not both.");
            }

            if (last is <= 0)
            {
                throw new CliUsageException($"--last must be a positive number of predictions (got {last}).");
            }

            return new RunMonitorRequest(parse.GetValue(Variant), last, WindowSeconds: window is null ? null : MonitorOutput.ParseDuration(window, "--window"));
        }
    }

    private static CairnClient Client(CliContext context, ParseResult parse) =>
        new(context.ServerUri(parse), new CairnClientOptions { MaxRetries = 2, RequestTimeout = TimeSpan.FromSeconds(300) });

    private static Command RunCommand(CliContext context)
    {
        var deployment = DeploymentOption();
        var window = new WindowOptions();
        var command = new Command("run", "Run the monitor now and print each column's drift test, score, threshold and verdict, with a summary.") { deployment };
        window.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = window.Request(parse);
            using var client = Client(context, parse);
            var reports = await client.RunMonitorAsync(parse.GetValue(deployment)!, request, cancellationToken);
            if (context.WantsJson(parse))
            {
                MonitorOutput.Json(context.Out, new MonitorReportResponse(reports[0], reports.Count > 1 ? [.. reports] : null));
                return ExitCodes.Ok;
            }

            for (var i = 0; i < reports.Count; i++)
            {
                if (i > 0)
                {
                    context.Out.WriteLine();
                }

                MonitorOutput.Report(context.Out, reports[i]);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ReportCommand(CliContext context)
    {
        var deployment = DeploymentOption(required: false);
        var window = new WindowOptions();
        var id = new Option<long?>("--id") { Description = "Render this stored report instead of running the monitor." };
        var html = new Option<string?>("--html")
        {
            Description = "Where to write the HTML report (default: monitor-<deployment>-<variant>-<id>.html); with several variants, each file gets '-<variant>' before the extension.",
            HelpName = "file",
        };
        var command = new Command("report", "Run the monitor (or take a stored report with --id) and save the self-contained HTML report.") { deployment, id, html };
        window.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse);
            IReadOnlyList<MonitorReportDto> reports;
            if (parse.GetValue(id) is { } reportId)
            {
                if (parse.GetValue(window.Last) is not null || parse.GetValue(window.Window) is not null || parse.GetValue(window.Variant) is not null)
                {
                    throw new CliUsageException("--id renders a stored report: --variant, --last and --window do not apply.");
                }

                reports = [await client.GetMonitorReportAsync(reportId, cancellationToken)];
            }
            else
            {
                var name = parse.GetValue(deployment) ?? throw new CliUsageException("give --deployment (to run the monitor) or --id (a stored report).");
                reports = await client.RunMonitorAsync(name, window.Request(parse), cancellationToken);
            }

            var written = new List<string>();
            foreach (var report in reports)
            {
                var path = MonitorOutput.HtmlPath(parse.GetValue(html), report, several: reports.Count > 1);
                var page = await client.GetMonitorReportHtmlAsync(report.Id, cancellationToken);
                if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                await File.WriteAllTextAsync(path, page, cancellationToken);
                written.Add(path);
            }

            // With --json stdout stays one JSON document; where the files went goes to stderr.
            var where = context.WantsJson(parse) ? context.Error : context.Out;
            if (context.WantsJson(parse))
            {
                MonitorOutput.Json(context.Out, new MonitorReportResponse(reports[0], reports.Count > 1 ? [.. reports] : null));
            }
            else
            {
                foreach (var report in reports)
                {
                    MonitorOutput.Summary(context.Out, report);
                }
            }

            for (var i = 0; i < reports.Count; i++)
            {
                await where.WriteLineAsync($"Wrote report {reports[i].Id} ({reports[i].Deployment}/{reports[i].Variant}) to {written[i]}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
