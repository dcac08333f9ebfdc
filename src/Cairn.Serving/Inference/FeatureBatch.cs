using Cairn.Data.Tables;

namespace Cairn.Serving.Inference;

/// <summary>
/// Decoded, validated request rows held column-wise, one typed array per feature (numbers as double with
/// NaN for missing, the others nullable) — the layout the scorer's table path and the prediction log want.
/// Never mutated after decoding, so the log and shadow scoring can read it later on other threads.
/// </summary>
public sealed class FeatureBatch
{
    private readonly Array[] _columns;

    public FeatureBatch(FeatureSchema schema, int rows)
    {
        Schema = schema;
        Rows = rows;
        _columns = new Array[schema.Count];
        for (var i = 0; i < schema.Count; i++)
        {
            _columns[i] = schema.Features[i].Kind switch
            {
                FeatureKind.Number => new double[rows],
                FeatureKind.Boolean => new bool?[rows],
                FeatureKind.String => new string?[rows],
                _ => new DateTime?[rows],
            };
        }
    }

    public FeatureSchema Schema { get; }

    public int Rows { get; }

    public double[] Numbers(int feature) => (double[])_columns[feature];

    public bool?[] Booleans(int feature) => (bool?[])_columns[feature];

    public string?[] Strings(int feature) => (string?[])_columns[feature];

    public DateTime?[] Times(int feature) => (DateTime?[])_columns[feature];

    /// <summary>One value as the prediction log stores it (double, bool, string, DateTime or null for missing).</summary>
    public object? Value(int feature, int row) => _columns[feature] switch
    {
        double[] numbers => double.IsNaN(numbers[row]) ? null : numbers[row],
        bool?[] booleans => booleans[row],
        string?[] strings => strings[row],
        DateTime?[] times => times[row],
        _ => null,
    };

    /// <summary>A read-only view of one row by feature name (values are boxed only when read).</summary>
    public IReadOnlyDictionary<string, object?> Row(int row) => new FeatureRow(this, row);

    /// <summary>The batch as a table for the scorer (the arrays are shared, not copied).</summary>
    public DataTable ToTable()
    {
        var columns = new DataColumn[Schema.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var feature = Schema.Features[i];
            columns[i] = feature.Kind switch
            {
                FeatureKind.Number => new DataColumn { Schema = new ColumnSchema(feature.Name, ColumnType.Numeric), Numbers = Numbers(i) },
                FeatureKind.Boolean => new DataColumn { Schema = new ColumnSchema(feature.Name, ColumnType.Boolean), Booleans = Booleans(i) },
                FeatureKind.String => new DataColumn { Schema = new ColumnSchema(feature.Name, ColumnType.Text), Strings = Strings(i) },
                _ => new DataColumn { Schema = new ColumnSchema(feature.Name, ColumnType.DateTime), Times = Times(i) },
            };
        }

        return new DataTable(columns);
    }
}
