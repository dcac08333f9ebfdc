namespace Cairn.Pipelines.Spec;

/// <summary>A position in a spec file (1-based line and column).</summary>
public readonly record struct SpecLocation(int Line, int Column);

/// <summary>One problem found in a spec: where it is and why it is wrong.</summary>
public sealed record SpecProblem(string File, int Line, int Column, string Reason)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Reason}";
}
