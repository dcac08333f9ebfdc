using System.CommandLine;
using System.Text.Json;
using Cairn.Contracts.Native.Lineage;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn lineage &lt;model&gt;@&lt;version|alias&gt;</c>: the tree from a model version back to its pipeline run and data.</summary>
internal static class LineageCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(LineageJsonContext.Default.Options) { WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var reference = new Argument<string>("model@version") { Description = "A registered model version: name@3, or name@alias (e.g. churn@champion)." };
        var command = new Command("lineage", "Show where a registered model version came from: pipeline run, steps, artifacts and dataset versions.") { reference };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (name, version) = Parse(parse.GetValue(reference)!);
            using var client = context.CreateClient(parse);
            var lineage = await client.GetModelVersionLineageAsync(name, version, cancellationToken);
            if (context.WantsJson(parse))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(lineage, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ModelLineageResponse>)JsonOptions.GetTypeInfo(typeof(ModelLineageResponse))));
                return ExitCodes.Ok;
            }

            LineageTree.Write(context.Out, lineage);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Splits at the last '@' (model names may contain one; versions and aliases may not).</summary>
    internal static (string Name, string Version) Parse(string value)
    {
        var at = value.LastIndexOf('@');
        return at <= 0 || at == value.Length - 1
            ? throw new CliUsageException($"Expected <model>@<version|alias>, e.g. churn@3 or churn@champion (got '{value}').")
            : (value[..at], value[(at + 1)..]);
    }
}
