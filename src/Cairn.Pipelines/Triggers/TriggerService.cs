using Cairn.Core.Errors;
using Cairn.Core.Pipelines;
using Cairn.Pipelines.Spec;

namespace Cairn.Pipelines.Triggers;

/// <summary>What applying a pipeline sends: the spec text, its file name (for messages), directory and param overrides.</summary>
public sealed record PipelineApplication(string SpecText, string FileName, string? WorkingDirectory, IReadOnlyDictionary<string, string> Params);

/// <summary>The applied pipeline, or every problem of its spec.</summary>
public sealed record ApplyResult(AppliedPipeline? Pipeline, IReadOnlyList<SpecProblem> Problems);

/// <summary>A trigger's state and, for a cron trigger, its next scheduled time (UTC ms).</summary>
public sealed record TriggerView(TriggerState State, long? NextTime);

/// <summary>
/// Pipeline triggers: applying a pipeline stores its spec so its triggers can run it later, and
/// <see cref="EvaluateAsync"/> is one pass over every applied pipeline's triggers that starts at most one
/// run per pipeline (the hosted <see cref="TriggerLoop"/> calls it every few seconds).
/// </summary>
public sealed partial class TriggerService(
    IAppliedPipelineStore applied,
    IPipelineStore pipelines,
    PipelineService service,
    PipelineCompiler compiler,
    TimeProvider time,
    IServiceProvider services)
{
    private readonly IAppliedPipelineStore _applied = applied;
    private readonly IPipelineStore _pipelines = pipelines;
    private readonly PipelineService _service = service;
    private readonly PipelineCompiler _compiler = compiler;
    private readonly TimeProvider _time = time;
    private readonly IServiceProvider _services = services;

    // Passes never overlap (the loop and a test or an API call): two passes could both see a condition and fire twice.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Validates the spec with the params (nothing is stored when it is invalid) and stores it with its triggers.</summary>
    public async Task<ApplyResult> ApplyAsync(PipelineApplication application, CancellationToken cancellationToken)
    {
        var compiled = _compiler.Compile(application.SpecText, application.FileName, application.Params);
        if (compiled.Pipeline is not { } pipeline)
        {
            return new ApplyResult(null, compiled.Problems);
        }

        var triggers = pipeline.Spec.TriggerSpecs.Select(t => new TriggerDefinitionWrite(t.Key, t.Kind, t.Description, t.DefinitionJson)).ToList();
        var stored = await _applied.ApplyAsync(
            new AppliedPipelineWrite(pipeline.Spec.Name, application.SpecText, application.FileName, application.WorkingDirectory, application.Params, triggers),
            cancellationToken);
        return new ApplyResult(stored, []);
    }

    /// <summary>The applied pipeline and each trigger's state; RESOURCE_DOES_NOT_EXIST when it was never applied.</summary>
    public async Task<(AppliedPipeline Pipeline, IReadOnlyList<TriggerView> Triggers)> GetTriggersAsync(string name, CancellationToken cancellationToken)
    {
        var pipeline = await _applied.GetAppliedAsync(name, cancellationToken)
            ?? throw CairnException.NotFound($"Pipeline '{name}' has not been applied (apply it with `cairn pipelines apply FILE`).");
        var specs = Parse(pipeline).Spec?.TriggerSpecs.ToDictionary(t => t.Key, StringComparer.Ordinal) ?? [];
        var views = pipeline.Triggers.Select(t => new TriggerView(t, specs.GetValueOrDefault(t.Key) is CronTriggerSpec cron ? NextCron(cron, t) : null)).ToList();
        return (pipeline, views);
    }

    /// <summary>Every applied pipeline with its triggers' states, by name (one store call, for listing pipelines).</summary>
    public Task<IReadOnlyList<AppliedPipeline>> ListAppliedAsync(CancellationToken cancellationToken) => _applied.ListAppliedAsync(cancellationToken);

    /// <summary>One evaluation pass over every applied pipeline (see docs/pipelines.md, "Triggers").</summary>
    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            foreach (var pipeline in await _applied.ListAppliedAsync(cancellationToken))
            {
                if (pipeline.Triggers.Count == 0)
                {
                    continue;
                }

                try
                {
                    await EvaluatePipelineAsync(pipeline, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // One pipeline's failure (a monitor store error, say) must not starve the others; its triggers say why.
                    await RecordFailureAsync(pipeline, e, cancellationToken);
                }
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task EvaluatePipelineAsync(AppliedPipeline pipeline, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var parsed = Parse(pipeline);
        if (parsed.Spec is null)
        {
            // The spec was valid when applied; a server without a step kind it uses can no longer run it.
            var why = "the applied spec is no longer valid: " + parsed.Problems[0];
            foreach (var state in pipeline.Triggers)
            {
                await _applied.SaveTriggerStateAsync(state with { LastEvaluated = now.ToUnixTimeMilliseconds(), LastReason = why }, cancellationToken);
            }

            return;
        }

        var specs = parsed.Spec.TriggerSpecs.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var running = await RunningTriggeredRunAsync(pipeline.Name, cancellationToken);
        string? firedRun = null;
        foreach (var state in pipeline.Triggers)
        {
            if (!specs.TryGetValue(state.Key, out var spec))
            {
                continue;
            }

            var outcome = await EvaluateOneAsync(spec, state, now, cancellationToken);
            var next = outcome.State with { LastEvaluated = now.ToUnixTimeMilliseconds() };
            if (outcome.Fire is not { } reason)
            {
                await _applied.SaveTriggerStateAsync(next, cancellationToken);
                continue;
            }

            var blocked = firedRun is not null ? $"another trigger already started run {firedRun} in this pass"
                : running is not null ? $"run {running} started by a trigger is still running"
                : state.CooldownUntil is { } until && until > now.ToUnixTimeMilliseconds() ? $"cooling down until {Iso(until)}"
                : null;
            if (blocked is not null)
            {
                // A blocked data trigger keeps the old version so the new one still fires once it may.
                var kept = outcome.KeepWhenBlocked ? next with { LastDatasetVersion = state.LastDatasetVersion } : next;
                await _applied.SaveTriggerStateAsync(kept with { LastReason = $"{reason} — not fired: {blocked}" }, cancellationToken);
                continue;
            }

            firedRun = await FireAsync(pipeline, spec, next, reason, now, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(AppliedPipeline pipeline, Exception e, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var current = await _applied.GetAppliedAsync(pipeline.Name, cancellationToken);
        foreach (var state in current?.Triggers ?? [])
        {
            await _applied.SaveTriggerStateAsync(state with { LastEvaluated = now, LastReason = $"evaluation failed: {e.Message}" }, cancellationToken);
        }
    }

    /// <summary>Records the fire first (so a crash cannot fire twice), then submits the run and records its id.</summary>
    private async Task<string?> FireAsync(AppliedPipeline pipeline, TriggerSpec spec, TriggerState state, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fired = state with
        {
            LastFired = now.ToUnixTimeMilliseconds(),
            CooldownUntil = (now + spec.Cooldown).ToUnixTimeMilliseconds(),
            LastReason = reason,
            LastRunId = null,
            Streak = 0,
        };
        await _applied.SaveTriggerStateAsync(fired, cancellationToken);
        var parameters = new Dictionary<string, string>(pipeline.Params, StringComparer.Ordinal);
        foreach (var (name, value) in spec.Params)
        {
            parameters[name] = value;
        }

        var text = reason.Length <= TriggerOptions.MaxTriggerLength ? reason : reason[..(TriggerOptions.MaxTriggerLength - 1)] + "…";
        try
        {
            var run = await _service.SubmitAsync(
                new PipelineSubmission(pipeline.SpecText, pipeline.FileName, parameters, NoCache: false, Trigger: text, WorkingDirectory: pipeline.WorkingDirectory),
                cancellationToken);
            await _applied.SaveTriggerStateAsync(fired with { LastRunId = run.RunId }, cancellationToken);
            return run.RunId;
        }
        catch (CairnException e)
        {
            await _applied.SaveTriggerStateAsync(fired with { LastReason = $"{reason} — failed to start a run: {e.Message}" }, cancellationToken);
            return null;
        }
    }

    private async Task<string?> RunningTriggeredRunAsync(string pipeline, CancellationToken cancellationToken)
    {
        // Any running run not started by hand counts, also one whose id a crash kept us from recording.
        var runs = await _pipelines.ListRunsAsync(pipeline, 50, cancellationToken);
        return runs.FirstOrDefault(r => r.Status == PipelineRunStatus.Running && r.Trigger != "manual")?.RunId;
    }

    private SpecParseResult Parse(AppliedPipeline pipeline) => new PipelineSpecParser(_compiler.Catalog).Parse(pipeline.SpecText, pipeline.FileName);

    private long? NextCron(CronTriggerSpec cron, TriggerState state)
    {
        var from = state.Cursor is { } cursor ? DateTimeOffset.FromUnixTimeMilliseconds(cursor) : _time.GetUtcNow();
        return cron.Cron.GetNextOccurrence(from, TimeZoneInfo.Utc)?.ToUnixTimeMilliseconds();
    }

    internal static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
