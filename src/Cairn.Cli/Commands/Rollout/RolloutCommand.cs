using System.CommandLine;
using Cairn.Client;
using Cairn.Contracts.Native.Rollouts;

namespace Cairn.Cli.Commands.Rollout;

/// <summary>
/// <c>cairn rollout start|status|pause|resume|abort|list</c>: progressive rollouts of a model version on a
/// deployment under automatic analysis. Actions are recorded as made by <c>--user</c> (default $CAIRN_USER).
/// </summary>
internal static class RolloutCommand
{
    public static Command Create(CliContext context) => new("rollout", "Roll a model version out progressively (canary steps with automatic analysis, promote or roll back).")
    {
        StartCommand(context),
        StatusCommand(context),
        ActionCommand(context, "pause", "Pause the active rollout (the candidate keeps its weight; no analyses until resumed).", (c, d, r, ct) => c.PauseRolloutAsync(d, r, ct)),
        ActionCommand(context, "resume", "Resume a paused rollout at its current step.", (c, d, r, ct) => c.ResumeRolloutAsync(d, r, ct)),
        ActionCommand(context, "abort", "Abort the active rollout: remove the candidate, give the champions their traffic back.", (c, d, r, ct) => c.AbortRolloutAsync(d, r, ct)),
        ListCommand(context),
    };

    private static Option<string?> UserOption() => new("--user") { Description = "Who is acting (default: $CAIRN_USER, else the OS user)." };

    private static CairnClient Client(CliContext context, ParseResult parse, Option<string?>? userOption)
    {
        var user = userOption is null ? null : parse.GetValue(userOption);
        user ??= Environment.GetEnvironmentVariable("CAIRN_USER") is { Length: > 0 } env ? env : null;
        return new CairnClient(context.ServerUri(parse), new CairnClientOptions { MaxRetries = 2, RequestTimeout = TimeSpan.FromSeconds(120), UserId = user });
    }

    private static int Print(CliContext context, ParseResult parse, RolloutDto rollout, string summary)
    {
        if (context.WantsJson(parse))
        {
            RolloutOutput.Json(context.Out, new RolloutResponse(rollout));
            return ExitCodes.Ok;
        }

        if (summary.Length > 0)
        {
            context.Out.WriteLine(summary);
        }

        RolloutOutput.Show(context.Out, rollout);
        return ExitCodes.Ok;
    }

    private static Command StartCommand(CliContext context)
    {
        var deployment = new Argument<string>("deployment") { Description = "The deployment to roll out on." };
        var model = new Option<string>("--model") { Description = "The registered model.", Required = true };
        var version = new Option<long>("--version") { Description = "The candidate model version.", Required = true };
        var steps = new Option<string?>("--steps") { Description = "Canary percentages, ascending, ending at 100 (default 10,25,50,100)." };
        var interval = new Option<string?>("--interval") { Description = "Time at each step before it is analysed: 30s, 5m, 1h or seconds (default 60s)." };
        var minSamples = new Option<int?>("--min-samples") { Description = "Requests and labelled predictions each arm needs per analysis (default 100)." };
        var metric = new Option<string?>("--metric") { Description = "Online metric: accuracy, mae, rmse or none (default accuracy)." };
        var maxDrop = new Option<double?>("--max-drop") { Description = "Tolerated drop versus the champion (default 0.02; relative for mae/rmse)." };
        var alpha = new Option<double?>("--alpha") { Description = "Significance level (default 0.05)." };
        var maxErrorRate = new Option<double?>("--max-error-rate") { Description = "Highest canary 5xx ratio (default 0.01)." };
        var maxP99 = new Option<double?>("--max-p99-ms") { Description = "Highest canary p99 latency in ms (default 500)." };
        var failureLimit = new Option<int?>("--failure-limit") { Description = "Failed analyses before rolling back (default 1)." };
        var inconclusiveLimit = new Option<int?>("--inconclusive-limit") { Description = "Inconclusive analyses before pausing (default 10)." };
        var user = UserOption();
        var command = new Command("start", "Start a rollout: the version joins as variant 'canary' at the first step.")
        {
            deployment, model, version, steps, interval, minSamples, metric, maxDrop, alpha, maxErrorRate, maxP99, failureLimit, inconclusiveLimit, user,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var policy = new RolloutPolicyDto(
                RolloutOutput.ParseSteps(parse.GetValue(steps)), RolloutOutput.ParseInterval(parse.GetValue(interval)), parse.GetValue(minSamples),
                parse.GetValue(maxErrorRate), parse.GetValue(maxP99), parse.GetValue(metric), parse.GetValue(maxDrop), parse.GetValue(alpha),
                parse.GetValue(failureLimit), parse.GetValue(inconclusiveLimit));
            using var client = Client(context, parse, user);
            var rollout = await client.StartRolloutAsync(parse.GetValue(deployment)!, parse.GetValue(model)!, parse.GetValue(version), policy, cancellationToken);
            return Print(context, parse, rollout, $"Started rollout {rollout.Id} of '{rollout.Model}' version {rollout.Version} on '{rollout.Deployment}'.");
        });
        return command;
    }

    private static Command StatusCommand(CliContext context)
    {
        var deployment = new Argument<string>("deployment") { Description = "The deployment." };
        var command = new Command("status", "Show the deployment's active (else latest) rollout and its decision timeline.") { deployment };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse, null);
            return Print(context, parse, await client.GetRolloutAsync(parse.GetValue(deployment)!, cancellationToken), "");
        });
        return command;
    }

    private static Command ActionCommand(
        CliContext context, string name, string description, Func<CairnClient, string, string?, CancellationToken, Task<RolloutDto>> act)
    {
        var deployment = new Argument<string>("deployment") { Description = "The deployment." };
        var reason = new Option<string?>("--reason") { Description = "Why: recorded with the decision." };
        var user = UserOption();
        var command = new Command(name, description) { deployment, reason, user };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse, user);
            var rollout = await act(client, parse.GetValue(deployment)!, parse.GetValue(reason), cancellationToken);
            return Print(context, parse, rollout, $"Rollout {rollout.Id} is {rollout.State}.");
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var deployment = new Option<string?>("--deployment") { Description = "Only this deployment's rollouts." };
        var max = new Option<int?>("--max-results") { Description = "At most this many (default 100)." };
        var command = new Command("list", "List rollouts, newest first.") { deployment, max };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = Client(context, parse, null);
            var rollouts = await client.ListRolloutsAsync(parse.GetValue(deployment), parse.GetValue(max), cancellationToken);
            if (context.WantsJson(parse))
            {
                RolloutOutput.Json(context.Out, new ListRolloutsResponse([.. rollouts]));
            }
            else
            {
                RolloutOutput.List(rollouts).Write(context.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
