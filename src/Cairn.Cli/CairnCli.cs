using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Cairn.Cli.Commands;
using Cairn.Cli.Commands.Demo;
using Cairn.Client;
using Microsoft.Extensions.Options;

namespace Cairn.Cli;

/// <summary>
/// The <c>cairn</c> command line, runnable in-process (tests capture its output and exit code):
/// 0 ok, 1 server/API error, 2 usage error, 3 server unreachable, 130 interrupted.
/// </summary>
public static class CairnCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(stdout, stderr);
        var parse = BuildRootCommand(context).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync($"Run '{CommandPath(parse)} --help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,

            // Cancellation comes from the caller's token (Program.cs turns Ctrl+C into it).
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (CairnApiException e)
        {
            await stderr.WriteLineAsync($"error: {e.ErrorCode}: {e.Message}");
            return ExitCodes.ApiError;
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync($"cannot reach the Cairn server at {context.ServerUri(parse)}: {e.Message} — is `cairn server` running?");
            return ExitCodes.Unreachable;
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested && e.InnerException is TimeoutException)
        {
            await stderr.WriteLineAsync($"cannot reach the Cairn server at {context.ServerUri(parse)}: it did not answer in time — is `cairn server` running?");
            return ExitCodes.Unreachable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("interrupted");
            return ExitCodes.Canceled;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await stderr.WriteLineAsync($"error: {failure}");
            }

            return ExitCodes.Usage;
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand("Cairn: experiment tracking, model registry and serving for .NET (MLflow-compatible).")
        {
            context.Server,
            context.Json,
            ServerCommand.Create(context),
            DemoCommand.Create(context),
            DbCommand.Create(context),
            ExperimentsCommand.Create(context),
            RunsCommand.Create(context),
            ModelsCommand.Create(context),
            DataCommand.Create(context),
            PipelineRunCommand.Create(context),
            PipelinesCommand.Create(context),
            LineageCommand.Create(context),
            DeployCommand.Create(context),
            Commands.Rollout.RolloutCommand.Create(context),
            PredictCommand.Create(context),
            ScoreCommand.Create(context),
            Commands.Monitor.MonitorCommand.Create(context),
        };
        return root;
    }

    /// <summary>"cairn runs show" for the command the user typed (the root's own name is the host executable's).</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command && command.Parent is not null; result = command.Parent)
        {
            names.Add(command.Command.Name);
        }

        names.Add("cairn");
        names.Reverse();
        return string.Join(' ', names);
    }
}
