using System.CommandLine;
using System.Globalization;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Pipelines;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn pipelines list|runs|show|cancel|apply|triggers</c>: pipelines, their runs and step executions, applied pipelines' triggers.</summary>
internal static partial class PipelinesCommand
{
    public static Command Create(CliContext context) =>
        new("pipelines", "List pipelines and their runs; show a run's steps; cancel a run; apply a pipeline and list its triggers.")
        {
            List(context),
            Runs(context),
            Show(context),
            Cancel(context),
            Apply(context),
            Triggers(context),
        };

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List pipelines that have been run.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var pipelines = await client.ListPipelinesAsync(cancellationToken);
            if (context.WantsJson(parse))
            {
                PipelineJson.Write(context.Out, new ListPipelinesResponse([.. pipelines]));
                return ExitCodes.Ok;
            }

            var table = new Table("NAME", "VERSIONS", "LAST RUN", "CREATED").AlignRight(1);
            foreach (var p in pipelines)
            {
                table.AddRow(p.Name, p.VersionCount.ToString(CultureInfo.InvariantCulture), Formats.Time(p.LastRunTime), Formats.Time(p.CreatedTime));
            }

            table.Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Runs(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The pipeline's name." };
        var max = new Option<int>("--max") { Description = "At most this many runs (newest first).", DefaultValueFactory = _ => 20 };
        var command = new Command("runs", "List the runs of a pipeline, newest first.") { name, max };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var runs = await client.ListPipelineRunsAsync(parse.GetValue(name)!, parse.GetValue(max), cancellationToken);
            if (context.WantsJson(parse))
            {
                PipelineJson.Write(context.Out, new ListPipelineRunsResponse([.. runs]));
                return ExitCodes.Ok;
            }

            // TRIGGER says who started the run: "manual", or what a trigger saw (drift: deployment weather report 17, ...).
            var table = new Table("RUN ID", "STATUS", "STARTED", "DURATION", "TRIGGER", "PARAMS", "ERROR") { MaxCellWidth = 100 };
            foreach (var r in runs)
            {
                table.AddRow(r.RunId, r.Status, Formats.Time(r.CreatedTime), Formats.Duration(r.CreatedTime, r.EndTime), r.Trigger,
                    string.Join(", ", r.Params.Select(p => $"{p.Key}={p.Value}")), r.Error?.Split('\n')[0]);
            }

            table.Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var runId = new Argument<string>("run-id") { Description = "The pipeline run's id." };
        var logs = new Option<bool>("--logs") { Description = "Also print each step's captured log." };
        var command = new Command("show", "Show a pipeline run: its status and each step's state, attempts, cache hit and error.") { runId, logs };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var run = await client.GetPipelineRunAsync(parse.GetValue(runId)!, cancellationToken);
            if (context.WantsJson(parse))
            {
                PipelineJson.Write(context.Out, run);
                return ExitCodes.Ok;
            }

            await WriteRunAsync(context.Out, run, parse.GetValue(logs));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Cancel(CliContext context)
    {
        var runId = new Argument<string>("run-id") { Description = "The pipeline run's id." };
        var command = new Command("cancel", "Cancel a running pipeline run.") { runId };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var run = await client.CancelPipelineRunAsync(parse.GetValue(runId)!, cancellationToken);
            if (context.WantsJson(parse))
            {
                PipelineJson.Write(context.Out, run);
                return ExitCodes.Ok;
            }

            await context.Out.WriteLineAsync($"Run {run.Run.RunId}: {run.Run.Status}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteRunAsync(TextWriter output, GetPipelineRunResponse run, bool logs)
    {
        new Table("FIELD", "VALUE") { ShowHeader = false, MaxCellWidth = 200 }
            .AddRow("Run", run.Run.RunId)
            .AddRow("Pipeline", run.Run.PipelineName)
            .AddRow("Status", run.Run.Status)
            .AddRow("Started", Formats.Time(run.Run.CreatedTime))
            .AddRow("Duration", Formats.Duration(run.Run.CreatedTime, run.Run.EndTime))
            .AddRow("Params", string.Join(", ", run.Run.Params.Select(p => $"{p.Key}={p.Value}")))
            .AddRow("Error", run.Run.Error?.Split('\n')[0])
            .Write(output);
        await output.WriteLineAsync();
        PipelineTables.Summary(run).Write(output);
        if (!logs)
        {
            return;
        }

        foreach (var execution in run.Executions.Where(e => !string.IsNullOrEmpty(e.Log)))
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"--- {execution.StepId} (attempt {execution.Attempt}) ---");
            await output.WriteAsync(execution.Log);
        }
    }
}
