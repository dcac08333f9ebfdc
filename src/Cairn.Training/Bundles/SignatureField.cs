namespace Cairn.Training.Bundles;

/// <summary>
/// One input or output of a model. Tabular inputs use the Cairn.Data type names
/// (<c>numeric</c>, <c>boolean</c>, <c>categorical</c>, <c>text</c>, <c>datetime</c>); ONNX tensors use
/// <c>tensor(float)</c>-style names with a <see cref="Shape"/> where -1 is a dynamic dimension.
/// </summary>
public sealed record SignatureField(string Name, string Type)
{
    /// <summary>Whether the model accepts a missing value here.</summary>
    public bool Nullable { get; init; }

    /// <summary>For categorical inputs: the values seen in training (others are scored as "unseen").</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>For tensors: the dimensions, -1 where dynamic.</summary>
    public IReadOnlyList<long>? Shape { get; init; }

    /// <summary>For an input computed from a table column (ONNX date parts): that column.</summary>
    public string? SourceColumn { get; init; }

    /// <summary>For an input computed from <see cref="SourceColumn"/>: how (<c>year</c>, <c>month</c>, <c>day_of_year</c>, <c>day_of_week</c>).</summary>
    public string? Derivation { get; init; }

    /// <summary>Value equality including the lists, so signatures of two model versions can be compared.</summary>
    public bool Equals(SignatureField? other) =>
        other is not null
        && Name == other.Name
        && Type == other.Type
        && Nullable == other.Nullable
        && SourceColumn == other.SourceColumn
        && Derivation == other.Derivation
        && SameItems(Categories, other.Categories)
        && SameItems(Shape, other.Shape);

    public override int GetHashCode() => HashCode.Combine(Name, Type, Nullable, SourceColumn, Derivation);

    private static bool SameItems<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
