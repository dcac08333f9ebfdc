using System.Text.Json.Nodes;

namespace Cairn.Pipelines.Steps;

/// <summary>
/// Implemented by a step kind whose result depends on state outside the pipeline that its configuration
/// only names: a file read by path, a <c>name@latest</c> dataset, a model alias. The engine asks for
/// these "external identities" before it computes the cache key and adds them to it, so a step re-runs
/// (and everything downstream of it) when what it names has changed, and stays cached when it has not.
/// </summary>
public interface ICacheKeyContributor
{
    /// <summary>
    /// Identities of what the step will read from outside, by a stable name (e.g. <c>path</c> →
    /// <c>sha256:…</c>, <c>dataset</c> → <c>name@version</c>). Must be cheap next to running the step and
    /// must not fail for a problem the step itself reports better when it runs (a missing file is
    /// <c>missing</c>, not an exception): running it gives the real error.
    /// </summary>
    ValueTask<IReadOnlyDictionary<string, string>> ExternalIdentityAsync(CacheKeyInput input, CancellationToken cancellationToken);
}

/// <summary>
/// What a step sees when its cache key is computed: its configuration with params substituted (output
/// references <c>${steps.x.outputs.y}</c> are still as written: their content is already in the key),
/// the run's params (including reserved ones such as <c>cairn.working_directory</c>) and its inputs.
/// </summary>
public sealed record CacheKeyInput(string RunId, string StepId, JsonObject Config, IReadOnlyDictionary<string, string> Params, IReadOnlyList<StepInput> Inputs);
