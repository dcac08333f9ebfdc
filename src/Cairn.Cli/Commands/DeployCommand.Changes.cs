using System.CommandLine;
using Cairn.Contracts.Native.Deployments;

namespace Cairn.Cli.Commands;

/// <summary>The traffic and lifecycle subcommands of <c>cairn deploy</c>.</summary>
internal static partial class DeployCommand
{
    private static Command UpdateCommand(CliContext context, DeployOptions options)
    {
        var name = new Argument<string>("name") { Description = "The deployment's name." };
        var variants = new Option<string[]>("--variant")
        {
            Description = "The new variant list, replacing the old one (repeatable): NAME=MODEL/VERSION or NAME=MODEL@ALIAS, then optional :WEIGHT and :shadow.",
            AllowMultipleArgumentsPerToken = false,
        };
        var sticky = new Option<string?>("--sticky-key") { Description = "header:<Name> or field:<input>; an empty value removes it." };
        var description = new Option<string?>("--description") { Description = "A new description." };
        var command = WithChangeOptions(new Command("update", "Change a deployment's variants (e.g. add a canary or a shadow), sticky key or description.") { name, variants, sticky, description }, options);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(variants);
            if ((given is null || given.Length == 0) && parse.GetValue(sticky) is null && parse.GetValue(description) is null)
            {
                throw new CliUsageException("nothing to change: give --variant, --sticky-key or --description.");
            }

            var specs = given is { Length: > 0 } ? given.Select(DeployOutput.ParseVariant).ToList() : null;
            using var client = Client(context, parse, options);
            var changed = await client.UpdateDeploymentAsync(parse.GetValue(name)!, new UpdateDeploymentRequest(
                specs, parse.GetValue(description), parse.GetValue(sticky), parse.GetValue(options.Revision), parse.GetValue(options.Reason)), cancellationToken);
            return Print(context, parse, changed, $"Updated '{changed.Name}' (revision {changed.Revision}).");
        });
        return command;
    }

    private static Command SetWeightsCommand(CliContext context, DeployOptions options)
    {
        var name = new Argument<string>("name") { Description = "The deployment's name." };
        var weights = new Argument<string[]>("weights") { Description = "VARIANT=WEIGHT pairs; live variants not named get 0; live weights must sum to 100.", Arity = ArgumentArity.OneOrMore };
        var command = WithChangeOptions(new Command("set-weights", "Set the live traffic weights, e.g. champion=90 challenger=10.") { name, weights }, options);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pairs = parse.GetValue(weights)!.Select(DeployOutput.ParseWeight).ToList();
            var duplicate = pairs.GroupBy(p => p.Key).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new CliUsageException($"variant '{duplicate.Key}' is given more than one weight.");
            }

            using var client = Client(context, parse, options);
            var changed = await client.SetDeploymentWeightsAsync(
                parse.GetValue(name)!, pairs.ToDictionary(), parse.GetValue(options.Reason), parse.GetValue(options.Revision), cancellationToken);
            return Print(context, parse, changed, $"Set weights of '{changed.Name}' (revision {changed.Revision}).");
        });
        return command;
    }

    private static Command PromoteCommand(CliContext context, DeployOptions options)
    {
        var name = new Argument<string>("name") { Description = "The deployment's name." };
        var variant = new Argument<string>("variant") { Description = "The variant that takes 100% of live traffic." };
        var keep = new Option<bool>("--keep-others") { Description = "Keep the other live variants at weight 0 instead of removing them." };
        var command = WithChangeOptions(new Command("promote", "Promote a variant to 100% of live traffic.") { name, variant, keep }, options);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse, options);
            var changed = await client.PromoteDeploymentVariantAsync(
                parse.GetValue(name)!, parse.GetValue(variant)!, parse.GetValue(keep), parse.GetValue(options.Reason), parse.GetValue(options.Revision), cancellationToken);
            return Print(context, parse, changed, $"Promoted '{parse.GetValue(variant)}' in '{changed.Name}' (revision {changed.Revision}).");
        });
        return command;
    }

    private static Command RollbackCommand(CliContext context, DeployOptions options)
    {
        var name = new Argument<string>("name") { Description = "The deployment's name." };
        var to = new Option<long?>("--to") { Description = "The history event (SEQ in `cairn deploy history`) whose variants to restore; default: the previous state." };
        var command = WithChangeOptions(new Command("rollback", "Roll back to the previous variants (or those of a history event).") { name, to }, options);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse, options);
            var changed = await client.RollbackDeploymentAsync(
                parse.GetValue(name)!, parse.GetValue(to), parse.GetValue(options.Reason), parse.GetValue(options.Revision), cancellationToken);
            return Print(context, parse, changed, $"Rolled back '{changed.Name}' (revision {changed.Revision}).");
        });
        return command;
    }

    private static Command StatusCommand(CliContext context, DeployOptions options, string verb, string description)
    {
        var name = new Argument<string>("name") { Description = "The deployment's name." };
        var command = WithChangeOptions(new Command(verb, description) { name }, options);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse, options);
            var (deployment, reason, revision) = (parse.GetValue(name)!, parse.GetValue(options.Reason), parse.GetValue(options.Revision));
            var changed = verb == "pause"
                ? await client.PauseDeploymentAsync(deployment, reason, revision, cancellationToken)
                : await client.ResumeDeploymentAsync(deployment, reason, revision, cancellationToken);
            return Print(context, parse, changed, $"Deployment '{changed.Name}' is {changed.Status}.");
        });
        return command;
    }

    private static Command DeleteCommand(CliContext context, DeployOptions options)
    {
        var name = new Argument<string>("name") { Description = "The deployment's name." };
        var command = WithChangeOptions(new Command("delete", "Delete a deployment (its history is kept).") { name }, options);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse, options);
            await client.DeleteDeploymentAsync(parse.GetValue(name)!, parse.GetValue(options.Reason), parse.GetValue(options.Revision), cancellationToken);
            await context.Out.WriteLineAsync(context.WantsJson(parse) ? "{}" : $"Deleted deployment '{parse.GetValue(name)}'.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command HistoryCommand(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The deployment's name." };
        var max = new Option<int>("--max") { Description = "At most this many events (newest first).", DefaultValueFactory = _ => 50 };
        var command = new Command("history", "Show who changed a deployment, when, how and why (newest first).") { name, max };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse, null);
            var events = await client.ListDeploymentEventsAsync(parse.GetValue(name)!, parse.GetValue(max), cancellationToken);
            if (context.WantsJson(parse))
            {
                DeployOutput.Json(context.Out, new ListDeploymentEventsResponse([.. events]));
            }
            else
            {
                DeployOutput.History(events).Write(context.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
