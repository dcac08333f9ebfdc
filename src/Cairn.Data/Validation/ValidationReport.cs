namespace Cairn.Data.Validation;

/// <summary>The outcome of a validation: every failure found (not just the first), errors before warnings.</summary>
public sealed record ValidationReport
{
    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool Passed => Errors == 0;

    public int Errors => Failures.Count(f => f.Severity == Severity.Error);

    public int Warnings => Failures.Count(f => f.Severity == Severity.Warning);

    public long RowCount { get; init; }

    /// <summary>What the data was checked against: "schema" or the reference version (name@version).</summary>
    public string Against { get; init; } = "schema";

    public IReadOnlyList<ValidationFailure> Failures { get; init; } = [];
}

/// <summary>One broken rule: which column, how many values, and a few examples.</summary>
public sealed record ValidationFailure(Severity Severity, string Rule, string? Column, string Message)
{
    public long Count { get; init; }

    /// <summary>Up to five offending rows (1-based data row numbers) with their value.</summary>
    public IReadOnlyList<ValidationExample> Examples { get; init; } = [];
}

/// <summary>An offending row and the value found there (null when the value is missing).</summary>
public sealed record ValidationExample(long Row, string? Value);
