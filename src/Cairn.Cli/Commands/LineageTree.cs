using System.Globalization;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Lineage;

namespace Cairn.Cli.Commands;

/// <summary>Prints a model lineage as an indented tree: version, pipeline run, steps with their artifacts, datasets.</summary>
internal static class LineageTree
{
    private const int ShortHash = 12;

    public static void Write(TextWriter output, ModelLineageResponse lineage)
    {
        var v = lineage.ModelVersion;
        var aliases = v.Aliases.Count > 0 ? $" (aliases: {string.Join(", ", v.Aliases)})" : "";
        output.WriteLine($"Model {v.Name} version {v.Version}{aliases}");
        if (!string.IsNullOrEmpty(v.Source))
        {
            output.WriteLine($"  source: {v.Source}");
        }

        if (lineage.Note is { } note)
        {
            output.WriteLine($"  note: {note}");
        }

        if (lineage.PipelineRun is { } run)
        {
            output.WriteLine($"  pipeline run {run.RunId} ({run.PipelineName}) {run.Status}, started {Formats.Time(run.CreatedTime)}");
            if (run.Params.Count > 0)
            {
                output.WriteLine($"    params: {string.Join(", ", run.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");
            }

            if (run.TrackingRunId is { } tracked)
            {
                output.WriteLine($"    tracked run: {tracked}");
            }

            if (run.Error is { Length: > 0 } error)
            {
                output.WriteLine($"    error: {error.Split('\n')[0]}");
            }

            foreach (var e in run.Executions)
            {
                WriteExecution(output, e);
            }
        }

        if (lineage.DatasetVersions.Count > 0)
        {
            output.WriteLine("  datasets:");
            foreach (var d in lineage.DatasetVersions)
            {
                var parts = new List<string> { d.Name is null ? Short(d.Version) : $"{d.Name}@{Short(d.Version)}" };
                if (d.RowCount is { } rows)
                {
                    parts.Add(rows.ToString("N0", CultureInfo.InvariantCulture) + " rows");
                }

                if (d.Format is { } format)
                {
                    parts.Add(format);
                }

                if (d.Source is { } source)
                {
                    parts.Add("source: " + source);
                }

                output.WriteLine("    " + string.Join("  ", parts));
            }
        }
    }

    private static void WriteExecution(TextWriter output, ExecutionNodeDto e)
    {
        var attempt = e.Attempt > 1 ? $" attempt {e.Attempt}" : "";
        var kind = e.StepKind is null ? "" : $" [{e.StepKind}]";
        var hit = e.CacheHit ? $" (cache hit from execution {e.CachedFromExecutionId})" : "";
        output.WriteLine($"    step {e.StepId}{kind} {e.State}{attempt}{hit}");
        if (e.Error is { Length: > 0 } error)
        {
            output.WriteLine($"      error: {error}");
        }

        if (e.Metrics.Count > 0)
        {
            output.WriteLine("      metrics: " + string.Join(", ", e.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => $"{m.Key}={m.Value.ToString("G6", CultureInfo.InvariantCulture)}")));
        }

        foreach (var input in e.Inputs)
        {
            var from = input.FromStep is null ? "" : $" from {input.FromStep}";
            output.WriteLine($"      in  {input.Slot}: {input.Type} {Short(input.ContentHash)}{from}{Datasets(input)}");
        }

        foreach (var o in e.Outputs)
        {
            output.WriteLine($"      out {o.Slot}: {o.Type} {Short(o.ContentHash)} {o.Uri}{Datasets(o)}");
        }
    }

    private static string Datasets(ArtifactNodeDto artifact) =>
        artifact.DatasetVersions.Count == 0 ? "" : " (data: " + string.Join(", ", artifact.DatasetVersions.Select(Short)) + ")";

    private static string Short(string hash)
    {
        var bare = hash.StartsWith("sha256:", StringComparison.Ordinal) ? hash[7..] : hash;
        return bare.Length > ShortHash ? bare[..ShortHash] : bare;
    }
}
