using System.CommandLine;
using Cairn.Client;
using Cairn.Contracts.Native.Deployments;

namespace Cairn.Cli.Commands;

/// <summary>
/// <c>cairn deploy create|list|show|set-weights|promote|rollback|pause|resume|delete|history</c>: deployments
/// and their traffic. Changes are recorded as made by <c>--user</c> (default $CAIRN_USER, else the OS user).
/// </summary>
internal static partial class DeployCommand
{
    public static Command Create(CliContext context)
    {
        var options = new DeployOptions();
        return new("deploy", "Create and change deployments: variants, traffic weights, promote, roll back, pause; show their history.")
        {
            CreateCommand(context, options),
            ListCommand(context),
            ShowCommand(context),
            UpdateCommand(context, options),
            SetWeightsCommand(context, options),
            PromoteCommand(context, options),
            RollbackCommand(context, options),
            StatusCommand(context, options, "pause", "Pause a deployment (it answers 503 until resumed; its models stay loaded)."),
            StatusCommand(context, options, "resume", "Resume a paused deployment."),
            DeleteCommand(context, options),
            HistoryCommand(context),
        };
    }

    /// <summary>Options shared by the commands that change a deployment.</summary>
    private sealed class DeployOptions
    {
        public Option<string?> Reason { get; } = new("--reason") { Description = "Why: recorded in the deployment's history." };

        public Option<long?> Revision { get; } = new("--revision") { Description = "Apply only if the deployment is still at this revision (else exit 1, RESOURCE_CONFLICT)." };

        public Option<string?> User { get; } = new("--user") { Description = "Who is making the change (default: $CAIRN_USER, else the OS user)." };
    }

    private static CairnClient Client(CliContext context, ParseResult parse, DeployOptions? options)
    {
        var user = options is null ? null : parse.GetValue(options.User);
        user ??= Environment.GetEnvironmentVariable("CAIRN_USER") is { Length: > 0 } env ? env : null;
        return new CairnClient(context.ServerUri(parse), new CairnClientOptions { MaxRetries = 2, RequestTimeout = TimeSpan.FromSeconds(120), UserId = user });
    }

    private static Command WithChangeOptions(Command command, DeployOptions options)
    {
        command.Options.Add(options.Reason);
        command.Options.Add(options.Revision);
        command.Options.Add(options.User);
        return command;
    }

    private static int Print(CliContext context, ParseResult parse, DeploymentDto deployment, string summary)
    {
        if (context.WantsJson(parse))
        {
            DeployOutput.Json(context.Out, new DeploymentResponse(deployment));
        }
        else
        {
            if (summary.Length > 0)
            {
                context.Out.WriteLine(summary);
            }

            DeployOutput.Show(context.Out, deployment);
        }

        return ExitCodes.Ok;
    }

    private static Command CreateCommand(CliContext context, DeployOptions options)
    {
        var name = new Argument<string>("name") { Description = "The deployment's name (letters, digits, '.', '_', '-')." };
        var variants = new Option<string[]>("--variant")
        {
            Description = "A variant: NAME=MODEL/VERSION or NAME=MODEL@ALIAS, then optional :WEIGHT and :shadow (repeatable), e.g. champion=weather@champion:90.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var sticky = new Option<string?>("--sticky-key") { Description = "Keep a user on one variant: header:<Name> or field:<input>." };
        var description = new Option<string?>("--description") { Description = "A description." };
        var command = WithChangeOptions(new Command("create", "Create a deployment (loads and warms up every variant's model first).") { name, variants, sticky, description }, options);
        command.Options.Remove(options.Revision);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var specs = parse.GetValue(variants)!.Select(DeployOutput.ParseVariant).ToList();
            using var client = Client(context, parse, options);
            var created = await client.CreateDeploymentAsync(
                new CreateDeploymentRequest(parse.GetValue(name), specs, parse.GetValue(description), parse.GetValue(sticky), parse.GetValue(options.Reason)), cancellationToken);
            return Print(context, parse, created, $"Created deployment '{created.Name}'.");
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("list", "List deployments.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse, null);
            var all = await client.ListDeploymentsAsync(cancellationToken);
            if (context.WantsJson(parse))
            {
                DeployOutput.Json(context.Out, new ListDeploymentsResponse([.. all]));
            }
            else
            {
                DeployOutput.List(all).Write(context.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ShowCommand(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The deployment's name." };
        var command = new Command("show", "Show a deployment: status, revision, sticky key and variants.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse, null);
            return Print(context, parse, await client.GetDeploymentAsync(parse.GetValue(name)!, cancellationToken), "");
        });
        return command;
    }
}
