using Cairn.Data.Profiling;
using Cairn.Data.Tables;

namespace Cairn.Data.Validation;

/// <summary>
/// What data must look like: columns (type, nullability, missing-rate limit, categories, bounds), row
/// count bounds and key columns that must be unique. Its JSON is a superset of a stored dataset
/// schema, so a version's schema can be used as is.
/// </summary>
public sealed record ValidationSchema
{
    public IReadOnlyList<ColumnSchema> Columns { get; init; } = [];

    public long? MinRows { get; init; }

    public long? MaxRows { get; init; }

    /// <summary>Columns whose combined values must be unique.</summary>
    public IReadOnlyList<string>? Key { get; init; }

    /// <summary>Extra columns are a warning when allowed (the default), an error when not.</summary>
    public bool AllowExtraColumns { get; init; } = true;

    public static ValidationSchema From(DatasetSchema schema) => new() { Columns = schema.Columns };

    /// <summary>
    /// Expectations taken from a reference version: its columns and types, its categories, its
    /// observed min/max as bounds, no missing values where it had none, and a missing rate at most
    /// five points above its own. Soft rules are warnings in this mode (see <see cref="ValidationMode"/>).
    /// </summary>
    public static ValidationSchema FromReference(DatasetSchema schema, DatasetProfile? profile) => new()
    {
        Columns = [.. schema.Columns.Select(c =>
        {
            var p = profile?.Find(c.Name);
            return c with
            {
                Min = c.Type == ColumnType.Numeric ? p?.Min ?? c.Min : c.Min,
                Max = c.Type == ColumnType.Numeric ? p?.Max ?? c.Max : c.Max,
                MaxMissingRate = c.Nullable && p is not null ? Math.Min(1, p.MissingRate + 0.05) : c.MaxMissingRate,
            };
        })],
    };
}

/// <summary>Against a schema every broken rule is an error; against a reference, drift-like findings (range, categories, missing values) are warnings.</summary>
public enum ValidationMode
{
    Schema,
    Reference,
}
