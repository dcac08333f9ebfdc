namespace Cairn.Data.Validation;

/// <summary>The stable names of the validation rules, as reports carry them.</summary>
public static class ValidationRules
{
    public const string MissingColumn = "missing_column";
    public const string ExtraColumn = "extra_column";
    public const string TypeMismatch = "type_mismatch";
    public const string MissingValues = "missing_values";
    public const string MissingRate = "missing_rate";
    public const string UnseenCategory = "unseen_category";
    public const string OutOfRange = "out_of_range";
    public const string RowCount = "row_count";
    public const string DuplicateKey = "duplicate_key";
}
