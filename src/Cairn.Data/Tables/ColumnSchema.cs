namespace Cairn.Data.Tables;

/// <summary>One column of a dataset schema.</summary>
public sealed record ColumnSchema(string Name, ColumnType Type)
{
    /// <summary>Whether missing values are allowed (inference: whether any were seen).</summary>
    public bool Nullable { get; init; }

    /// <summary>For numeric columns: every value seen was a whole number.</summary>
    public bool IsInteger { get; init; }

    /// <summary>For categorical columns: the allowed values, sorted ordinally.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Optional bounds a validator enforces for numeric columns.</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Optional limit a validator enforces on the share of missing values (0..1) when <see cref="Nullable"/> is true.</summary>
    public double? MaxMissingRate { get; init; }
}
