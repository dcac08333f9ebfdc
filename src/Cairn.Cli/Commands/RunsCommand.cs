using System.CommandLine;
using Cairn.Cli.Output;
using Cairn.Client;
using Cairn.Contracts.Mlflow.Tracking;
using Cairn.Core.Tracking;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn runs list|search|show|create|delete|artifacts</c>.</summary>
internal static class RunsCommand
{
    public static Command Create(CliContext context) =>
        new("runs", "List, search, inspect and log runs.")
        {
            List(context),
            Search(context),
            Show(context),
            RunsCreateCommand.Create(context),
            Delete(context),
            Artifacts(context),
        };

    private static Option<int?> MaxResults() => new("--max-results") { Description = "Show at most this many runs." };

    private static Command List(CliContext context)
    {
        var experiment = new Option<string>("--experiment", "-e") { Description = "The experiment's name or id.", Required = true };
        var maxResults = MaxResults();
        var command = new Command("list", "List the runs of an experiment, newest first.") { experiment, maxResults };
        command.SetAction((parse, cancellationToken) =>
            SearchAndPrintAsync(context, parse, [parse.GetValue(experiment)!], filter: null, orderBy: [], parse.GetValue(maxResults), cancellationToken));
        return command;
    }

    private static Command Search(CliContext context)
    {
        var experiments = new Option<string[]>("--experiment", "-e") { Description = "An experiment's name or id (repeat for several).", Required = true };
        var filter = new Option<string?>("--filter") { Description = "MLflow filter, e.g. \"metrics.acc > 0.9 AND params.lr = '0.1'\"." };
        var orderBy = new Option<string[]>("--order-by") { Description = "Order clause, e.g. \"metrics.acc DESC\" (repeat for several)." };
        var maxResults = MaxResults();
        var command = new Command("search", "Search runs with MLflow's filter and order-by syntax.") { experiments, filter, orderBy, maxResults };
        command.SetAction((parse, cancellationToken) =>
            SearchAndPrintAsync(context, parse, parse.GetValue(experiments)!, parse.GetValue(filter), parse.GetValue(orderBy) ?? [], parse.GetValue(maxResults), cancellationToken));
        return command;
    }

    private static async Task<int> SearchAndPrintAsync(
        CliContext context, ParseResult parse, IReadOnlyList<string> experimentRefs, string? filter, IReadOnlyList<string> orderBy, int? maxResults, CancellationToken cancellationToken)
    {
        if (maxResults is <= 0)
        {
            throw new CliUsageException($"--max-results must be positive (got {maxResults}).");
        }

        using var client = context.CreateClient(parse);
        var ids = new List<string>();
        foreach (var reference in experimentRefs)
        {
            ids.Add((await ExperimentResolver.ResolveAsync(client, reference, cancellationToken)).ExperimentId);
        }

        var runs = new List<RunDto>();
        var pageSize = Math.Min(maxResults ?? 1000, 1000);
        await foreach (var run in client.EnumerateRunsAsync(ids, filter, orderBy.Count > 0 ? orderBy : null, ViewType.ActiveOnly, pageSize, cancellationToken))
        {
            runs.Add(run);
            if (runs.Count == maxResults)
            {
                break;
            }
        }

        if (context.WantsJson(parse))
        {
            CliJson.Write(context.Out, new SearchRunsResponse { Runs = runs });
        }
        else
        {
            RunTables.Runs(runs, RunTables.MetricKeysIn(orderBy)).Write(context.Out);
        }

        return ExitCodes.Ok;
    }

    private static Command Show(CliContext context)
    {
        var runId = new Argument<string>("run-id") { Description = "The run id." };
        var command = new Command("show", "Show a run: its info, params, latest metrics and tags.") { runId };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var run = await client.GetRunAsync(parse.GetValue(runId)!, cancellationToken);
            if (context.WantsJson(parse))
            {
                CliJson.Write(context.Out, new RunResponse(run));
            }
            else
            {
                RunTables.WriteDetails(run, context.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var runId = new Argument<string>("run-id") { Description = "The run id." };
        var command = new Command("delete", "Delete a run (soft delete).") { runId };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var id = parse.GetValue(runId)!;
            await client.DeleteRunAsync(id, cancellationToken);
            if (!context.WantsJson(parse))
            {
                await context.Out.WriteLineAsync($"Deleted run {id}.");
            }
            else
            {
                CliJson.Write(context.Out, new RunIdRequest { RunId = id });
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Artifacts(CliContext context)
    {
        var runId = new Argument<string>("run-id") { Description = "The run id." };
        var path = new Argument<string?>("path") { Description = "A directory inside the run's artifacts (default: the root).", Arity = ArgumentArity.ZeroOrOne };
        var download = new Option<string?>("--download") { Description = "Download the files (recursively) into this local directory.", HelpName = "dir" };
        var command = new Command("artifacts", "List (or download) a run's artifacts.") { runId, path, download };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var id = parse.GetValue(runId)!;
            if (parse.GetValue(download) is { Length: > 0 } target)
            {
                var count = await client.DownloadArtifactsAsync(id, parse.GetValue(path), target, cancellationToken);
                await context.Out.WriteLineAsync($"Downloaded {count} file(s) to {Path.GetFullPath(target)}.");
                return ExitCodes.Ok;
            }

            var files = await client.ListArtifactsAsync(id, parse.GetValue(path), cancellationToken);
            if (context.WantsJson(parse))
            {
                CliJson.Write(context.Out, new ArtifactListing(id, files));
                return ExitCodes.Ok;
            }

            var table = new Table("PATH", "SIZE").AlignRight(1);
            foreach (var file in files)
            {
                table.AddRow(file.IsDirectory ? file.Path + "/" : file.Path, file.FileSize?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            table.Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
