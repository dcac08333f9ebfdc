using System.Text.Json.Nodes;
using Cairn.Core.Pipelines;
using Cairn.Pipelines.Spec;
using Cairn.Pipelines.Steps;

namespace Cairn.Pipelines.Engine;

public sealed partial class StepExecutor
{
    private const int ErrorLogTailLines = 20;

    private async Task RunClaimedAsync(
        PipelineRunInfo run, ExecutionInfo execution, StepSpec spec, IStep step, JsonObject config, List<StepInput> inputs, IReadOnlyDictionary<string, string> external, CancellationToken shutdown)
    {
        var workDir = Path.Combine(_options.WorkRoot, run.RunId, execution.StepId, execution.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(workDir))
        {
            Directory.Delete(workDir, recursive: true); // A fresh directory per attempt: nothing left from a crashed one.
        }

        Directory.CreateDirectory(workDir);
        var runToken = _cancellations.TokenFor(run.RunId);
        using var timeout = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdown, runToken, timeout.Token);
        if (spec.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        StepContext? context = null;
        try
        {
            context = new StepContext(run.RunId, execution.StepId, execution.Attempt, new JsonObject(), run.Params, inputs, workDir,
                (input, ct) => _publisher.MaterializeAsync(input, Path.Combine(workDir, ".inputs"), ct));
            var resolved = await ResolveOutputReferencesAsync(config, context, linked.Token);
            context = new StepContext(run.RunId, execution.StepId, execution.Attempt, resolved, run.Params, inputs, workDir,
                (input, ct) => _publisher.MaterializeAsync(input, Path.Combine(workDir, ".inputs"), ct), external);
            // Shown by `cairn pipelines show --logs`: why this attempt's key differs from an earlier run's.
            foreach (var (name, identity) in external.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                context.Log($"cache key: {name} = {identity}");
            }

            var result = await step.RunAsync(context, linked.Token);
            if (!result.Succeeded)
            {
                await FailWithReportsAsync(run, execution, WithLogTail(result.Error ?? "the step reported failure", context.LogText), context, inputs, shutdown);
                return;
            }

            var outputs = await _publisher.PublishAsync(run.RunId, execution, context.Outputs, linked.Token);
            await _store.CompleteExecutionAsync(execution.Id, InputEvents(inputs), outputs, context.LogText, context.Metrics, shutdown);
            TryDelete(workDir);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !shutdown.IsCancellationRequested)
        {
            await FailAsync(execution, $"timed out after {spec.Timeout}", context?.LogText, shutdown);
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested && !shutdown.IsCancellationRequested)
        {
            await _store.EndExecutionAsync(execution.Id, ExecutionState.Canceled, "canceled: the run was canceled", context?.LogText, shutdown);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            throw; // The process is stopping: the attempt stays RUNNING and is retried on start-up.
        }
        catch (Exception e)
        {
            var error = WithLogTail($"{e.GetType().Name}: {e.Message}", context?.LogText);
            if (context is null)
            {
                await FailAsync(execution, error, null, shutdown);
            }
            else
            {
                await FailWithReportsAsync(run, execution, error, context, inputs, shutdown);
            }
        }
    }

    /// <summary>
    /// Fails the attempt keeping what explains the failure: the outputs declared <c>keepOnFailure</c> (a
    /// validation or evaluation report) that were written, its metrics and its input events. Publishing
    /// them is best effort: a report that cannot be stored must not hide the step's own error.
    /// </summary>
    private async Task FailWithReportsAsync(PipelineRunInfo run, ExecutionInfo execution, string error, StepContext context, List<StepInput> inputs, CancellationToken shutdown)
    {
        var reports = context.Outputs.Where(o => o.KeepOnFailure && (File.Exists(o.LocalPath) || Directory.Exists(o.LocalPath))).ToList();
        IReadOnlyList<NewLineageArtifact> published = [];
        try
        {
            published = await _publisher.PublishAsync(run.RunId, execution, reports, shutdown);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Log($"could not publish the failed attempt's reports: {e.Message}");
        }

        await _store.FailExecutionAsync(execution.Id, error, InputEvents(inputs), published, context.LogText, context.Metrics, shutdown);
    }

    /// <summary>Replaces <c>${steps.x.outputs.y}</c> in the configuration by the local path of that input.</summary>
    private static async Task<JsonObject> ResolveOutputReferencesAsync(JsonObject config, StepContext context, CancellationToken cancellationToken)
    {
        var paths = new Dictionary<string, string>();
        foreach (var text in Strings(config))
        {
            foreach (var reference in SpecReferences.Find(text).Where(r => r.Step is not null))
            {
                var name = reference.Step + "." + reference.Output;
                if (paths.ContainsKey(name))
                {
                    continue;
                }

                var input = context.Inputs.FirstOrDefault(i => i.Name == name)
                    ?? throw new InvalidOperationException($"{reference.Text}: step '{reference.Step}' has no output '{reference.Output}'");
                paths[name] = await context.GetInputPathAsync(input, cancellationToken);
            }
        }

        return paths.Count == 0 ? config : (JsonObject)Replace(config, paths)!;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(kv => Strings(kv.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static JsonNode? Replace(JsonNode? node, Dictionary<string, string> paths) => node switch
    {
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, Replace(kv.Value, paths)))),
        JsonArray a => new JsonArray(a.Select(i => Replace(i, paths)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) =>
            JsonValue.Create(SpecReferences.Replace(s, r => r.Step is null ? null : paths[r.Step + "." + r.Output])),
        _ => node?.DeepClone(),
    };

    private static string WithLogTail(string error, string? log)
    {
        if (string.IsNullOrWhiteSpace(log))
        {
            return error;
        }

        var tail = log.TrimEnd('\n').Split('\n').TakeLast(ErrorLogTailLines);
        return error + "\n--- log tail ---\n" + string.Join("\n", tail);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Scratch space only: a leftover directory is harmless and replaced by the next attempt.
        }
    }
}
