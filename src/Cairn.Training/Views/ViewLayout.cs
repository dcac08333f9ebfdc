using Cairn.Core.Errors;
using Cairn.Data.Tables;
using Cairn.Training.Bundles;
using Cairn.Training.Labels;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Cairn.Training.Views;

/// <summary>
/// The ML.NET view of a model's inputs, derived from its input signature: numeric and boolean
/// inputs become Single columns, categorical and text inputs text columns, and each date input
/// four Single date-part columns. Training adds a label column. The same layout serves training and
/// scoring, so what the model saw and what it is given always agree.
/// </summary>
internal sealed class ViewLayout
{
    public const string LabelName = "Label";

    private readonly int[] _counts = new int[4];

    public ViewLayout(IReadOnlyList<SignatureField> inputs, LabelEncoding? label = null, string? labelSource = null)
    {
        Inputs = inputs;
        var columns = new List<ViewColumn>();
        foreach (var input in inputs)
        {
            switch (input.Type)
            {
                case "numeric" or "boolean":
                    columns.Add(Add(input.Name, ViewKind.Float, input.Name, null));
                    break;
                case "datetime":
                    foreach (var part in Enum.GetValues<DatePart>())
                    {
                        columns.Add(Add($"{input.Name}.{DatePartName(part)}", ViewKind.Float, input.Name, part));
                    }

                    break;
                case "categorical" or "text":
                    columns.Add(Add(input.Name, ViewKind.Text, input.Name, null));
                    break;
                default:
                    throw CairnException.InvalidParameter($"Input '{input.Name}' has type '{input.Type}', which tabular models do not support.");
            }
        }

        if (label is not null)
        {
            Label = label.ViewColumn(labelSource!, _counts[(int)label.Kind]++);
            LabelEncoding = label;
            columns.Add(Label);
        }

        Columns = columns;
        Schema = BuildSchema(columns);
    }

    public IReadOnlyList<SignatureField> Inputs { get; }

    public IReadOnlyList<ViewColumn> Columns { get; }

    public ViewColumn? Label { get; }

    public LabelEncoding? LabelEncoding { get; }

    public DataViewSchema Schema { get; }

    /// <summary>The layout without its label: what scoring sees.</summary>
    public ViewLayout WithoutLabel() => Label is null ? this : new ViewLayout(Inputs);

    public static string DatePartName(DatePart part) => part switch
    {
        DatePart.Year => "year",
        DatePart.Month => "month",
        DatePart.DayOfYear => "day_of_year",
        _ => "day_of_week",
    };

    public static DatePart? ParseDatePart(string? name) => name switch
    {
        "year" => DatePart.Year,
        "month" => DatePart.Month,
        "day_of_year" => DatePart.DayOfYear,
        "day_of_week" => DatePart.DayOfWeek,
        _ => null,
    };

    public ViewFrame NewFrame(int rowCount) => new(rowCount, _counts[0], _counts[1], _counts[2], _counts[3]);

    /// <summary>Loads the selected rows (all when null) of a table into a new frame.</summary>
    public ViewFrame Load(DataTable table, int[]? rows = null)
    {
        var count = rows?.Length ?? table.RowCount;
        var frame = NewFrame(count);
        var byName = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (!byName.TryGetValue(column.SourceColumn, out var source))
            {
                throw CairnException.InvalidParameter(
                    $"Input column '{column.SourceColumn}' is missing; the model needs: {string.Join(", ", Inputs.Select(i => i.Name))}.");
            }

            if (column == Label)
            {
                LabelEncoding!.Load(source, rows ?? [.. Enumerable.Range(0, count)], frame, column);
            }
            else if (column.Kind == ViewKind.Float)
            {
                var values = new float[count];
                ValueReader.ReadFloats(source, rows, column.Part, values);
                frame.Floats[column.Slot] = values;
            }
            else
            {
                var values = new ReadOnlyMemory<char>[count];
                ValueReader.ReadTexts(source, rows, values);
                frame.Texts[column.Slot] = values;
            }
        }

        return frame;
    }

    /// <summary>Writes one record (input name to value; absent = missing) into row 0 of a one-row frame.</summary>
    public void Fill(ViewFrame frame, IReadOnlyDictionary<string, object?> record)
    {
        foreach (var column in Columns)
        {
            if (column == Label)
            {
                continue;
            }

            record.TryGetValue(column.SourceColumn, out var value);
            if (column.Kind == ViewKind.Float)
            {
                (frame.Floats[column.Slot] ??= new float[1])[0] = ValueReader.ToFloat(value, column.SourceColumn, column.Part);
            }
            else
            {
                (frame.Texts[column.Slot] ??= new ReadOnlyMemory<char>[1])[0] = ValueReader.ToText(value);
            }
        }
    }

    private ViewColumn Add(string name, ViewKind kind, string source, DatePart? part) =>
        new(name, kind, source, _counts[(int)kind]++) { Part = part };

    private static DataViewSchema BuildSchema(IEnumerable<ViewColumn> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            switch (column.Kind)
            {
                case ViewKind.Float:
                    builder.AddColumn(column.Name, NumberDataViewType.Single);
                    break;
                case ViewKind.Text:
                    builder.AddColumn(column.Name, TextDataViewType.Instance);
                    break;
                case ViewKind.Bool:
                    builder.AddColumn(column.Name, BooleanDataViewType.Instance);
                    break;
                default:
                    builder.AddColumn(column.Name, new KeyDataViewType(typeof(uint), column.KeyValues!.Count), KeyValueAnnotations(column.KeyValues!));
                    break;
            }
        }

        return builder.ToSchema();
    }

    // ML.NET reads a key column's class names from its "KeyValues" annotation; MapKeyToValue and the
    // trainers' PredictedLabel rely on it, so the view carries it exactly as MapValueToKey would.
    private static DataViewSchema.Annotations KeyValueAnnotations(IReadOnlyList<string> values)
    {
        var buffer = new VBuffer<ReadOnlyMemory<char>>(values.Count, [.. values.Select(v => v.AsMemory())]);
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add(
            "KeyValues",
            new VectorDataViewType(TextDataViewType.Instance, values.Count),
            (ref VBuffer<ReadOnlyMemory<char>> value) => buffer.CopyTo(ref value));
        return annotations.ToAnnotations();
    }
}
