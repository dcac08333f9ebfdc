using System.Text.Json;
using Cairn.Core.Errors;
using Cairn.Data.Tables;
using Cairn.Training.Bundles;

namespace Cairn.Training;

public static partial class ModelTrainer
{
    /// <summary>The signature entry of one feature column: its type, nullability and (categorical) training values.</summary>
    private static SignatureField Describe(DataColumn column)
    {
        var missing = Enumerable.Range(0, column.Length).Any(column.IsMissing);
        return new SignatureField(column.Name, TypeName(column.Schema.Type))
        {
            Nullable = column.Schema.Nullable || missing,
            Categories = column.Schema.Type == ColumnType.Categorical
                ? [.. column.Strings!.OfType<string>().Distinct().Order(StringComparer.Ordinal)]
                : null,
        };
    }

    public static string TypeName(ColumnType type) => type switch
    {
        ColumnType.Numeric => "numeric",
        ColumnType.Boolean => "boolean",
        ColumnType.Categorical => "categorical",
        ColumnType.Text => "text",
        _ => "datetime",
    };

    internal static IReadOnlyList<SignatureField> OutputsOf(ModelTask task, IReadOnlyList<string> classLabels) => task switch
    {
        ModelTask.Regression => [new SignatureField("score", "double")],
        _ =>
        [
            new SignatureField("label", "string") { Categories = classLabels },
            new SignatureField("score", "double"),
            new SignatureField("probabilities", "double[]") { Shape = [classLabels.Count], Categories = classLabels },
        ],
    };

    private static JsonElement ParseProfile(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw CairnException.InvalidParameter($"The training profile is not valid JSON: {e.Message}");
        }
    }
}
