using Cairn.Core.Pipelines;
using Cairn.Pipelines.Spec;
using Cairn.Pipelines.Steps;

namespace Cairn.Pipelines.Engine;

/// <summary>
/// Runs one step attempt: loads everything from the store by ids, reuses a cached result when it can,
/// otherwise claims the attempt (NEW → RUNNING), runs the step under its timeout and the run's
/// cancellation, publishes its outputs and records the outcome, then lets the coordinator move on.
/// </summary>
public sealed partial class StepExecutor(
    IPipelineStore store,
    PipelineDefinitions definitions,
    PipelineCoordinator coordinator,
    StepCatalog catalog,
    OutputPublisher publisher,
    RunCancellations cancellations,
    PipelineEngineOptions options)
{
    private readonly IPipelineStore _store = store;
    private readonly PipelineDefinitions _definitions = definitions;
    private readonly PipelineCoordinator _coordinator = coordinator;
    private readonly StepCatalog _catalog = catalog;
    private readonly OutputPublisher _publisher = publisher;
    private readonly RunCancellations _cancellations = cancellations;
    private readonly PipelineEngineOptions _options = options;

    /// <param name="item">The attempt to run.</param>
    /// <param name="cancellationToken">Stops the attempt when this process shuts down; the attempt stays RUNNING and the reconciler retries it.</param>
    public async Task ExecuteAsync(StepWorkItem item, CancellationToken cancellationToken)
    {
        var run = await _store.GetRunAsync(item.RunId, cancellationToken);
        if (run is null)
        {
            return;
        }

        var executions = await _store.ListExecutionsAsync(item.RunId, cancellationToken);
        var execution = executions.FirstOrDefault(e => e.StepId == item.StepId && e.Attempt == item.Attempt);
        if (execution is not { State: ExecutionState.New })
        {
            return; // Already taken or finished: a duplicate dispatch.
        }

        if (run.Status.IsFinished())
        {
            await _store.EndExecutionAsync(execution.Id, ExecutionState.Canceled, $"not run: the run is {run.Status.ToWire()}", null, cancellationToken);
            return;
        }

        var pipeline = await _definitions.GetAsync(run, cancellationToken);
        var spec = pipeline.Plan.Step(item.StepId);
        var step = _catalog.Find(spec.Uses);
        if (step is null)
        {
            await FailAsync(execution, $"step kind '{spec.Uses}' is not installed on worker {_options.WorkerName}", null, cancellationToken);
            await _coordinator.RecordStepAsync(run, execution.Id, cancellationToken);
            return;
        }

        var inputs = CollectInputs(pipeline, executions, item.StepId);
        var config = pipeline.Configs[item.StepId];
        IReadOnlyDictionary<string, string> external;
        try
        {
            external = await ExternalIdentityAsync(step, run, item.StepId, config, inputs, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailAsync(execution, $"could not resolve the cache key's external state ({e.GetType().Name}: {e.Message})", null, cancellationToken);
            await _coordinator.RecordStepAsync(run, execution.Id, cancellationToken);
            await _coordinator.AdvanceAsync(item.RunId, recover: false, cancellationToken);
            return;
        }

        var cacheKey = CacheKeys.Compute(step, config, inputs, external);
        if (!run.NoCache && spec.Cache && await TryReuseAsync(execution, cacheKey, inputs, cancellationToken))
        {
            await _coordinator.RecordStepAsync(run, execution.Id, cancellationToken);
            await _coordinator.AdvanceAsync(item.RunId, recover: false, cancellationToken);
            return;
        }

        if (!await _store.TryStartExecutionAsync(execution.Id, _options.WorkerName, cacheKey, cancellationToken))
        {
            return;
        }

        await RunClaimedAsync(run, execution, spec, step, config, inputs, external, cancellationToken);
        await _coordinator.RecordStepAsync(run, execution.Id, cancellationToken);
        await _coordinator.AdvanceAsync(item.RunId, recover: false, cancellationToken);
    }

    /// <summary>
    /// Always asked, even when caching is off for this run or step: the key is recorded either way and a
    /// COMPLETE execution of a <c>--no-cache</c> run is a cache hit for later runs.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> ExternalIdentityAsync(
        IStep step, PipelineRunInfo run, string stepId, System.Text.Json.Nodes.JsonObject config, List<StepInput> inputs, CancellationToken cancellationToken) =>
        step is ICacheKeyContributor contributor
            // A copy: the resolved configuration is shared by every attempt of the run.
            ? await contributor.ExternalIdentityAsync(new CacheKeyInput(run.RunId, stepId, (System.Text.Json.Nodes.JsonObject)config.DeepClone(), run.Params, inputs), cancellationToken)
            : new Dictionary<string, string>();

    private static List<StepInput> CollectInputs(ResolvedPipeline pipeline, IReadOnlyList<ExecutionInfo> executions, string stepId)
    {
        var inputs = new List<StepInput>();
        foreach (var need in pipeline.Plan.Upstream(stepId))
        {
            var done = executions.Where(e => e.StepId == need && e.State.IsDone()).MaxBy(e => e.Attempt);
            foreach (var output in done?.Outputs ?? [])
            {
                inputs.Add(new StepInput(need, output.Slot, output.Artifact));
            }
        }

        return inputs;
    }

    /// <summary>A hit is a COMPLETE execution with the same key whose outputs all still exist.</summary>
    private async Task<bool> TryReuseAsync(ExecutionInfo execution, string cacheKey, List<StepInput> inputs, CancellationToken cancellationToken)
    {
        foreach (var hit in await _store.FindCompleteByCacheKeyAsync(cacheKey, cancellationToken))
        {
            if (await _publisher.AllExistAsync(hit.Outputs, cancellationToken))
            {
                await _store.RecordCachedExecutionAsync(execution.Id, cacheKey, hit.Id, InputEvents(inputs), cancellationToken);
                return true;
            }
        }

        return false;
    }

    private static List<(string Slot, long ArtifactId)> InputEvents(List<StepInput> inputs) =>
        inputs.Select(i => (i.Name, i.Artifact.Id)).ToList();

    private Task FailAsync(ExecutionInfo execution, string error, string? log, CancellationToken cancellationToken) =>
        _store.EndExecutionAsync(execution.Id, ExecutionState.Failed, error, log, cancellationToken);
}
