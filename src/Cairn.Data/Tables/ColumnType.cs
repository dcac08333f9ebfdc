namespace Cairn.Data.Tables;

/// <summary>The logical type of a column, as schema inference decides it and featurization consumes it.</summary>
public enum ColumnType
{
    /// <summary>Real or integer numbers; missing values are NaN.</summary>
    Numeric,

    /// <summary>true/false; missing values are null.</summary>
    Boolean,

    /// <summary>A small set of string values (the domain is in <see cref="ColumnSchema.Categories"/>).</summary>
    Categorical,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>Dates or timestamps (UTC); missing values are null.</summary>
    DateTime,
}
