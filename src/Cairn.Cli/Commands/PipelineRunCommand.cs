using System.CommandLine;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Pipelines;

namespace Cairn.Cli.Commands;

/// <summary>
/// <c>cairn run pipeline.yaml [--param k=v]... [--no-cache]</c>: submits a pipeline run (with the spec file's
/// directory as its working directory) and follows it to the end; the summary names the tracked (MLflow)
/// run, and <c>--json</c> prints the run as the API returns it (<c>run.tracking_run_id</c>).
/// </summary>
internal static class PipelineRunCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The pipeline spec (YAML)." };
        var param = new Option<string[]>("--param", "-p") { Description = "Override a declared param: name=value (repeatable).", HelpName = "name=value", AllowMultipleArgumentsPerToken = false };
        var noCache = new Option<bool>("--no-cache") { Description = "Run every step even when a cached result exists." };
        var detach = new Option<bool>("--detach", "-d") { Description = "Print the run id and return without waiting." };
        var command = new Command("run", "Run a pipeline: validate the spec, submit it, follow its steps and print a summary.") { file, param, noCache, detach };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliUsageException($"pipeline file '{path.Name}' does not exist.");
            }

            var parameters = ParseParams(parse.GetValue(param) ?? []);
            var spec = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            using var client = context.CreateClient(parse);
            var submitted = await client.SubmitPipelineRunAsync(spec, path.Name, parameters, parse.GetValue(noCache), path.DirectoryName, cancellationToken);
            var json = context.WantsJson(parse);
            if (parse.GetValue(detach))
            {
                await context.Out.WriteLineAsync(submitted.RunId);
                return ExitCodes.Ok;
            }

            if (!json)
            {
                await context.Out.WriteLineAsync($"Pipeline '{submitted.PipelineName}' run {submitted.RunId}");
            }

            var seen = new Dictionary<string, string>();
            while (true)
            {
                var run = await client.GetPipelineRunAsync(submitted.RunId, cancellationToken);
                if (!json)
                {
                    await ReportProgressAsync(context.Out, run, seen);
                }

                if (run.Run.Status != "RUNNING")
                {
                    if (json)
                    {
                        PipelineJson.Write(context.Out, run);
                    }
                    else
                    {
                        await context.Out.WriteLineAsync();
                        PipelineTables.Summary(run).Write(context.Out);
                        await context.Out.WriteLineAsync();
                        await context.Out.WriteLineAsync($"Run {run.Run.Status}{(run.Run.Error is { } e ? ": " + e : "")}");
                        // Every pipeline run is mirrored as an MLflow run (experiment pipeline:<name>): say which one.
                        if (run.Run.TrackingRunId is { } tracked)
                        {
                            await context.Out.WriteLineAsync($"Tracked run: {tracked} (experiment pipeline:{run.Run.PipelineName})");
                        }
                    }

                    return run.Run.Status == "COMPLETE" ? ExitCodes.Ok : ExitCodes.ApiError;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        });
        return command;
    }

    internal static Dictionary<string, string> ParseParams(string[] values)
    {
        var result = new Dictionary<string, string>();
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliUsageException($"--param must be name=value (got '{value}').");
            }

            result[value[..eq]] = value[(eq + 1)..];
        }

        return result;
    }

    /// <summary>Prints one line per step state change (started, finished, cached, failed).</summary>
    private static async Task ReportProgressAsync(TextWriter output, GetPipelineRunResponse run, Dictionary<string, string> seen)
    {
        foreach (var execution in run.Executions)
        {
            var key = $"{execution.StepId}#{execution.Attempt}";
            if (seen.TryGetValue(key, out var previous) && previous == execution.State)
            {
                continue;
            }

            seen[key] = execution.State;
            if (execution.State == "NEW")
            {
                continue;
            }

            var attempt = execution.Attempt > 1 ? $" (attempt {execution.Attempt})" : "";
            var duration = execution.State is "RUNNING" or "CACHED" ? "" : " " + Formats.Duration(execution.StartTime, execution.EndTime);
            await output.WriteLineAsync($"  {execution.State,-9} {execution.StepId}{attempt}{duration.TrimEnd()}");
        }
    }
}
