namespace Cairn.Contracts.Native.Datasets;

/// <summary>Validate against a schema or against a reference version ("name@version"); exactly one of them.</summary>
public sealed record ValidateDatasetRequest
{
    public ValidationSchemaDto? Schema { get; init; }
    public string? Reference { get; init; }
}

/// <summary>What data must look like; a stored dataset schema is a valid one.</summary>
public sealed record ValidationSchemaDto(IReadOnlyList<ColumnSchemaDto> Columns)
{
    public long? MinRows { get; init; }
    public long? MaxRows { get; init; }
    public IReadOnlyList<string>? Key { get; init; }
    public bool AllowExtraColumns { get; init; } = true;
}

/// <summary>Every failure found, errors first. Severity is error or warning; rule is one of missing_column, extra_column, type_mismatch, missing_values, missing_rate, unseen_category, out_of_range, row_count, duplicate_key.</summary>
public sealed record ValidationReportDto(bool Passed, int Errors, int Warnings, long RowCount, string Against, IReadOnlyList<ValidationFailureDto> Failures);

public sealed record ValidationFailureDto(string Severity, string Rule, string? Column, string Message)
{
    public long Count { get; init; }
    public IReadOnlyList<ValidationExampleDto> Examples { get; init; } = [];
}

public sealed record ValidationExampleDto(long Row, string? Value);
