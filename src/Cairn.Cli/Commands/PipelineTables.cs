using System.Globalization;
using System.Text.Json;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Pipelines;

namespace Cairn.Cli.Commands;

/// <summary>Tables of the pipeline commands.</summary>
internal static class PipelineTables
{
    /// <summary>One row per step in plan order: its final state, attempts, duration, cache and error.</summary>
    public static Table Summary(GetPipelineRunResponse run)
    {
        var table = new Table("STEP", "STATE", "ATTEMPTS", "DURATION", "CACHE", "ERROR").AlignRight(2);
        foreach (var step in run.StepOrder)
        {
            var attempts = run.Executions.Where(e => e.StepId == step).OrderBy(e => e.Attempt).ToList();
            var last = attempts.LastOrDefault();
            if (last is null)
            {
                table.AddRow(step, "-", "0", "", "", "");
                continue;
            }

            var cache = last.State == "CACHED" ? "hit" : last.CacheKey is null ? "" : "miss";
            var error = last.Error is { } e ? e.Split('\n')[0] : "";
            table.AddRow(step, last.State, attempts.Count.ToString(CultureInfo.InvariantCulture), Formats.Duration(last.StartTime, last.EndTime), cache, error);
        }

        return table;
    }
}

/// <summary><c>--json</c> output of the pipeline commands: the API's objects, indented.</summary>
internal static class PipelineJson
{
    private static readonly JsonSerializerOptions Options = new(PipelinesJsonContext.Default.Options) { WriteIndented = true };

    public static void Write<T>(TextWriter writer, T value) =>
        writer.WriteLine(JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))));
}
