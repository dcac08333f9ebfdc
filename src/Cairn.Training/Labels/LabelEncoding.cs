using Cairn.Core.Errors;
using Cairn.Data.Tables;
using Cairn.Training.Views;

namespace Cairn.Training.Labels;

/// <summary>
/// How a label column becomes what ML.NET trains on: Boolean (binary, true = positive class),
/// a key whose values are the class labels in ordinal order (multiclass), or Single (regression).
/// Classification labels are compared as strings so bool, numeric and text labels behave alike.
/// </summary>
internal sealed class LabelEncoding
{
    private LabelEncoding(ModelTask task, IReadOnlyList<string> classLabels)
    {
        Task = task;
        ClassLabels = classLabels;
    }

    public ModelTask Task { get; }

    /// <summary>Binary: [negative, positive]; multiclass: the classes in ordinal order; regression: empty.</summary>
    public IReadOnlyList<string> ClassLabels { get; }

    public static LabelEncoding Fit(ModelTask task, DataColumn column, string? positiveClass)
    {
        if (task == ModelTask.Regression)
        {
            if (column.Schema.Type is not (ColumnType.Numeric or ColumnType.Boolean))
            {
                throw CairnException.InvalidParameter(
                    $"Label column '{column.Name}' has type {column.Schema.Type.ToString().ToLowerInvariant()}; regression needs a numeric label.");
            }

            return new LabelEncoding(task, []);
        }

        var classes = ToStrings(column).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (task == ModelTask.MulticlassClassification)
        {
            return classes.Count >= 2
                ? new LabelEncoding(task, classes)
                : throw CairnException.InvalidParameter(
                    $"Label column '{column.Name}' has {classes.Count} distinct value(s); multiclass classification needs at least 2.");
        }

        if (classes.Count != 2)
        {
            throw CairnException.InvalidParameter(
                $"Label column '{column.Name}' has {classes.Count} distinct values ({string.Join(", ", classes.Take(10))}); "
                + "binary classification needs exactly 2 (use task multiclass for more).");
        }

        var positive = positiveClass ?? classes[1];
        if (!classes.Contains(positive))
        {
            throw CairnException.InvalidParameter(
                $"positive_class '{positive}' is not a value of label column '{column.Name}' (values: {classes[0]}, {classes[1]}).");
        }

        return new LabelEncoding(task, [classes.Single(c => c != positive), positive]);
    }

    /// <summary>Rebuilds the encoding a bundle recorded.</summary>
    public static LabelEncoding FromClassLabels(ModelTask task, IReadOnlyList<string> classLabels) => new(task, classLabels);

    /// <summary>The label column as strings (missing = null): how classification labels are compared.</summary>
    public static string?[] ToStrings(DataColumn column)
    {
        var values = new ReadOnlyMemory<char>[column.Length];
        ValueReader.ReadTexts(column, null, values);
        var result = new string?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = column.IsMissing(i) ? null : values[i].ToString();
        }

        return result;
    }

    /// <summary>The label column as numbers (missing = NaN).</summary>
    public static double[] ToNumbers(DataColumn column)
    {
        var values = new float[column.Length];
        ValueReader.ReadFloats(column, null, null, values);
        return column.Numbers ?? [.. values.Select(v => (double)v)];
    }

    /// <summary>The rows whose label is present: the only rows a trainer may see.</summary>
    public static int[] RowsWithLabel(DataColumn column) =>
        [.. Enumerable.Range(0, column.Length).Where(i => !column.IsMissing(i))];

    /// <summary>The label view column for this encoding.</summary>
    public ViewKind Kind => Task switch
    {
        ModelTask.BinaryClassification => ViewKind.Bool,
        ModelTask.MulticlassClassification => ViewKind.Key,
        _ => ViewKind.Float,
    };

    /// <summary>The label view column for this encoding, at the given slot of its kind.</summary>
    public ViewColumn ViewColumn(string sourceColumn, int slot) => Task switch
    {
        ModelTask.BinaryClassification => new ViewColumn(ViewLayout.LabelName, ViewKind.Bool, sourceColumn, slot),
        ModelTask.MulticlassClassification => new ViewColumn(ViewLayout.LabelName, ViewKind.Key, sourceColumn, slot) { KeyValues = ClassLabels },
        _ => new ViewColumn(ViewLayout.LabelName, ViewKind.Float, sourceColumn, slot),
    };

    /// <summary>Writes the label of the selected rows into the frame.</summary>
    public void Load(DataColumn column, int[] rows, ViewFrame frame, ViewColumn labelColumn)
    {
        switch (Task)
        {
            case ModelTask.Regression:
                var floats = new float[rows.Length];
                ValueReader.ReadFloats(column, rows, null, floats);
                frame.Floats[labelColumn.Slot] = floats;
                break;
            case ModelTask.BinaryClassification:
                var strings = ToStrings(column);
                frame.Bools[labelColumn.Slot] = [.. rows.Select(r => strings[r] == ClassLabels[1])];
                break;
            default:
                var all = ToStrings(column);
                var index = ClassLabels.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (uint)(p.i + 1), StringComparer.Ordinal);
                frame.Keys[labelColumn.Slot] = [.. rows.Select(r => all[r] is { } s && index.TryGetValue(s, out var k) ? k : 0u)];
                break;
        }
    }
}
