namespace Cairn.Pipelines.Steps;

/// <summary>The step kinds this process knows, by <see cref="IStep.Kind"/>.</summary>
public sealed class StepCatalog
{
    private readonly Dictionary<string, IStep> _steps = new(StringComparer.Ordinal);

    public StepCatalog(IEnumerable<IStep> steps)
    {
        foreach (var step in steps)
        {
            // A later registration replaces an earlier one, so a host can override a built-in.
            _steps[step.Kind] = step;
        }
    }

    public IReadOnlyCollection<string> Kinds => _steps.Keys;

    public IStep? Find(string kind) => _steps.GetValueOrDefault(kind);
}
