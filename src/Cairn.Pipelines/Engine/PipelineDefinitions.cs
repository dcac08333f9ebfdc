using System.Collections.Concurrent;
using Cairn.Core.Errors;
using Cairn.Core.Pipelines;
using Cairn.Pipelines.Spec;

namespace Cairn.Pipelines.Engine;

/// <summary>
/// The resolved pipeline of a run, compiled from its stored spec version and params. Compiled results
/// are kept per run because every step of a run asks for it several times.
/// </summary>
public sealed class PipelineDefinitions(IPipelineStore store, PipelineCompiler compiler)
{
    private const int MaxCached = 256;
    private readonly IPipelineStore _store = store;
    private readonly PipelineCompiler _compiler = compiler;
    private readonly ConcurrentDictionary<string, ResolvedPipeline> _byRun = new();

    public async Task<ResolvedPipeline> GetAsync(PipelineRunInfo run, CancellationToken cancellationToken)
    {
        if (_byRun.TryGetValue(run.RunId, out var cached))
        {
            return cached;
        }

        var version = await _store.GetVersionAsync(run.PipelineVersionId, cancellationToken)
            ?? throw CairnException.NotFound($"Pipeline version {run.PipelineVersionId} of run '{run.RunId}' does not exist.");
        var resolved = _compiler.CompileOrThrow(version.SpecText, run.PipelineName + ".yaml", run.Params);
        if (_byRun.Count >= MaxCached)
        {
            _byRun.Clear();
        }

        _byRun[run.RunId] = resolved;
        return resolved;
    }

    public void Forget(string runId) => _byRun.TryRemove(runId, out _);
}
