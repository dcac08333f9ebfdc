namespace Cairn.Pipelines.Steps;

/// <summary>
/// A step kind (<c>uses:</c> in a spec). A step gets one resolved configuration and its input artifacts,
/// writes files under its attempt's output directory and declares which are outputs; the engine hashes
/// and publishes them only after the step succeeded. Steps must be idempotent: an attempt may be re-run.
/// </summary>
public interface IStep
{
    /// <summary>The name used in <c>uses:</c>, e.g. <c>exec</c> or <c>data.import</c>.</summary>
    string Kind { get; }

    /// <summary>Part of the cache key: bump it when the step's behaviour changes so old results are not reused.</summary>
    string CodeVersion { get; }

    /// <summary>The keys <c>with:</c> accepts, checked before anything runs.</summary>
    StepConfigSchema Schema { get; }

    /// <summary>Runs the step; throwing or returning a failed result fails the attempt.</summary>
    Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken);
}
