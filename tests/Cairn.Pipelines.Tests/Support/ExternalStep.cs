using Cairn.Pipelines.Steps;

namespace Cairn.Pipelines.Tests.Support;

/// <summary>
/// <c>test.external</c>: a step whose result depends on <see cref="StepLedger.World"/>, state outside the
/// pipeline, which it reports as its external identity (<c>"throw"</c> makes the lookup fail).
/// </summary>
public sealed class ExternalStep(StepLedger ledger) : IStep, ICacheKeyContributor
{
    public string Kind => "test.external";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new([], AllowUnknownKeys: true);

    public ValueTask<IReadOnlyDictionary<string, string>> ExternalIdentityAsync(CacheKeyInput input, CancellationToken cancellationToken) =>
        ledger.World == "throw"
            ? throw new InvalidOperationException("the world is unreachable")
            : ValueTask.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["world"] = ledger.World });

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ledger.Increment(context.StepId);
        var path = Path.Combine(context.OutputDirectory, "seen.txt");
        await File.WriteAllTextAsync(path, context.ExternalIdentities["world"], cancellationToken);
        context.DeclareOutput("seen", path);
        return StepResult.Success;
    }
}
