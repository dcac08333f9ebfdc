namespace Cairn.Pipelines.Steps;

/// <summary>Does nothing and succeeds: measures orchestration overhead and joins branches.</summary>
public sealed class NoopStep : IStep
{
    public string Kind => "noop";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new([], AllowUnknownKeys: true);

    public Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult(StepResult.Success);
}
