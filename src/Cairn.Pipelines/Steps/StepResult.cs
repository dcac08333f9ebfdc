namespace Cairn.Pipelines.Steps;

/// <summary>How a step attempt ended; outputs are declared on the <see cref="StepContext"/>.</summary>
public sealed record StepResult(bool Succeeded, string? Error)
{
    public static StepResult Success { get; } = new(true, null);

    public static StepResult Failure(string error) => new(false, error);
}
