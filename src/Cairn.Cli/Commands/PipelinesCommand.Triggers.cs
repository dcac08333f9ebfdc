using System.CommandLine;
using System.Text.Json;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Pipelines;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn pipelines apply FILE [--param k=v]</c> and <c>cairn pipelines triggers NAME</c>.</summary>
internal static partial class PipelinesCommand
{
    private static readonly JsonSerializerOptions TriggersJsonOptions = new(PipelineTriggersJsonContext.Default.Options) { WriteIndented = true };

    private static Command Apply(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The pipeline spec (YAML)." };
        var param = new Option<string[]>("--param", "-p") { Description = "Override a declared param for triggered runs: name=value (repeatable).", HelpName = "name=value", AllowMultipleArgumentsPerToken = false };
        var command = new Command("apply", "Apply a pipeline: the server keeps the spec and its triggers start runs of it (cron, new data, drift, performance).") { file, param };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliUsageException($"pipeline file '{path.Name}' does not exist.");
            }

            var parameters = PipelineRunCommand.ParseParams(parse.GetValue(param) ?? []);
            var spec = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            using var client = context.CreateClient(parse);
            var applied = await client.ApplyPipelineAsync(spec, path.Name, parameters, path.DirectoryName, cancellationToken);
            if (context.WantsJson(parse))
            {
                WriteJson(context.Out, applied);
                return ExitCodes.Ok;
            }

            var count = applied.Triggers.Count;
            await context.Out.WriteLineAsync($"Applied pipeline '{applied.Name}' with {count} trigger{(count == 1 ? "" : "s")}.");
            if (count > 0)
            {
                await context.Out.WriteLineAsync();
                TriggerTable(applied).Write(context.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Triggers(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The applied pipeline's name." };
        var command = new Command("triggers", "List an applied pipeline's triggers: last fired, the run it started, next time, cool-down and why.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var applied = await client.GetPipelineTriggersAsync(parse.GetValue(name)!, cancellationToken);
            if (context.WantsJson(parse))
            {
                WriteJson(context.Out, applied);
                return ExitCodes.Ok;
            }

            TriggerTable(applied).Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Table TriggerTable(AppliedPipelineDto applied)
    {
        var table = new Table("#", "KIND", "DESCRIPTION", "LAST FIRED", "LAST RUN", "NEXT", "COOLDOWN UNTIL", "LAST EVALUATED", "REASON") { MaxCellWidth = 100 }.AlignRight(0);
        foreach (var t in applied.Triggers)
        {
            table.AddRow((t.Position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Kind, t.Description, Formats.Time(t.LastFired), t.LastRunId,
                Formats.Time(t.NextTime), Formats.Time(t.CooldownUntil), Formats.Time(t.LastEvaluated), t.LastReason);
        }

        return table;
    }

    private static void WriteJson(TextWriter writer, AppliedPipelineDto applied) =>
        writer.WriteLine(JsonSerializer.Serialize(new AppliedPipelineResponse(applied), TriggersJsonOptions.GetTypeInfo(typeof(AppliedPipelineResponse))));
}
