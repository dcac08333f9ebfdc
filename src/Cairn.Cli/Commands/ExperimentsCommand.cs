using System.CommandLine;
using Cairn.Cli.Output;
using Cairn.Contracts.Mlflow.Tracking;
using Cairn.Core.Tracking;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn experiments list|create|delete</c>.</summary>
internal static class ExperimentsCommand
{
    public static Command Create(CliContext context) =>
        new("experiments", "List and manage experiments.")
        {
            List(context),
            CreateExperiment(context),
            Delete(context),
        };

    private static Command List(CliContext context)
    {
        var filter = new Option<string?>("--filter") { Description = "MLflow experiment filter, e.g. \"name LIKE 'churn%'\"." };
        var view = new Option<ViewType>("--view") { Description = "Which experiments: ActiveOnly, DeletedOnly or All.", DefaultValueFactory = _ => ViewType.ActiveOnly };
        var command = new Command("list", "List experiments.") { filter, view };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var experiments = new List<ExperimentDto>();
            await foreach (var experiment in client.EnumerateExperimentsAsync(parse.GetValue(filter), ["creation_time ASC"], parse.GetValue(view), cancellationToken: cancellationToken))
            {
                experiments.Add(experiment);
            }

            if (context.WantsJson(parse))
            {
                CliJson.Write(context.Out, new SearchExperimentsResponse { Experiments = experiments });
                return ExitCodes.Ok;
            }

            var table = new Table("ID", "NAME", "STAGE", "CREATED", "ARTIFACT LOCATION").AlignRight(0);
            foreach (var e in experiments)
            {
                table.AddRow(e.ExperimentId, e.Name, e.LifecycleStage, Formats.Time(e.CreationTime), e.ArtifactLocation);
            }

            table.Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateExperiment(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "A unique experiment name." };
        var location = new Option<string?>("--artifact-location") { Description = "Where its artifacts go (default: the server's artifact proxy)." };
        var command = new Command("create", "Create an experiment and print its id.") { name, location };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var id = await client.CreateExperimentAsync(parse.GetValue(name)!, parse.GetValue(location), cancellationToken: cancellationToken);
            if (context.WantsJson(parse))
            {
                CliJson.Write(context.Out, new CreateExperimentResponse(id));
            }
            else
            {
                await context.Out.WriteLineAsync(id);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var experiment = new Argument<string>("experiment") { Description = "The experiment's name or id." };
        var command = new Command("delete", "Delete an experiment (soft delete: its runs are kept but hidden).") { experiment };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var found = await ExperimentResolver.ResolveAsync(client, parse.GetValue(experiment)!, cancellationToken);
            await client.DeleteExperimentAsync(found.ExperimentId, cancellationToken);
            if (!context.WantsJson(parse))
            {
                await context.Out.WriteLineAsync($"Deleted experiment {found.ExperimentId} ({found.Name}).");
            }
            else
            {
                CliJson.Write(context.Out, new GetExperimentResponse(found with { LifecycleStage = LifecycleStage.Deleted }));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
