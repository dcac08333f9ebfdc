using System.CommandLine;
using Cairn.Contracts.Native.Monitoring;

namespace Cairn.Cli.Commands.Monitor;

/// <summary>The listing subcommands of <c>cairn monitor</c>: stored reports and alert events.</summary>
internal static partial class MonitorCommand
{
    private static Option<int> MaxResultsOption() => new("--max-results") { Description = "At most this many (1-1000).", DefaultValueFactory = _ => 20 };

    private static Command ReportsCommand(CliContext context)
    {
        var deployment = DeploymentOption();
        var variant = new Option<string?>("--variant") { Description = "Only this variant's reports." };
        var max = MaxResultsOption();
        var command = new Command("reports", "List a deployment's stored monitor reports, newest first.") { deployment, variant, max };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse);
            var reports = await client.ListMonitorReportsAsync(parse.GetValue(deployment)!, parse.GetValue(max), variant: parse.GetValue(variant), cancellationToken: cancellationToken);
            if (context.WantsJson(parse))
            {
                MonitorOutput.Json(context.Out, new ListMonitorReportsResponse([.. reports]));
            }
            else
            {
                MonitorOutput.Reports(reports).Write(context.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command AlertsCommand(CliContext context)
    {
        var deployment = DeploymentOption();
        var max = MaxResultsOption();
        var command = new Command("alerts", "List a deployment's alert events (fired and resolved), newest first.") { deployment, max };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse);
            var alerts = await client.ListAlertsAsync(parse.GetValue(deployment)!, parse.GetValue(max), cancellationToken);
            if (context.WantsJson(parse))
            {
                MonitorOutput.Json(context.Out, new ListAlertEventsResponse([.. alerts]));
            }
            else
            {
                MonitorOutput.Alerts(alerts).Write(context.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
