using Cairn.Training.Views;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Cairn.Training.Featurization;

/// <summary>
/// Builds the featurization half of a pipeline from the view layout: numeric inputs get their
/// missing values replaced by the training mean (plus a 0/1 "was missing" feature when the input is
/// nullable), categorical inputs are one-hot encoded (a value unseen in training encodes as all
/// zeros), text inputs go through FeaturizeText; everything is concatenated into one Features
/// vector and min-max normalized when the trainer is linear.
/// </summary>
internal static class Featurizer
{
    public const string FeaturesName = "Features";

    public static IEstimator<ITransformer> Build(MLContext ml, ViewLayout layout, bool normalize)
    {
        var nullable = layout.Inputs.Where(i => i.Nullable).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var features = layout.Columns.Where(c => c != layout.Label).ToList();
        var numeric = features.Where(c => c.Kind == ViewKind.Float).ToList();
        var categorical = features.Where(c => c.Kind == ViewKind.Text && IsCategorical(layout, c)).ToList();
        var text = features.Where(c => c.Kind == ViewKind.Text && !IsCategorical(layout, c)).ToList();

        var concatenated = new List<string>();
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        if (numeric.Count > 0)
        {
            chain = chain.Append(ml.Transforms.ReplaceMissingValues(
                [.. numeric.Select(c => new InputOutputColumnPair(Imputed(c.Name), c.Name))],
                MissingValueReplacingEstimator.ReplacementMode.Mean));
            concatenated.AddRange(numeric.Select(c => Imputed(c.Name)));

            var indicated = numeric.Where(c => nullable.Contains(c.SourceColumn)).ToList();
            if (indicated.Count > 0)
            {
                chain = chain
                    .Append(ml.Transforms.IndicateMissingValues([.. indicated.Select(c => new InputOutputColumnPair(Missing(c.Name), c.Name))]))
                    .Append(ml.Transforms.Conversion.ConvertType(
                        [.. indicated.Select(c => new InputOutputColumnPair(MissingFlag(c.Name), Missing(c.Name)))], DataKind.Single));
                concatenated.AddRange(indicated.Select(c => MissingFlag(c.Name)));
            }
        }

        if (categorical.Count > 0)
        {
            chain = chain.Append(ml.Transforms.Categorical.OneHotEncoding(
                [.. categorical.Select(c => new InputOutputColumnPair(OneHot(c.Name), c.Name))],
                OneHotEncodingEstimator.OutputKind.Indicator));
            concatenated.AddRange(categorical.Select(c => OneHot(c.Name)));
        }

        foreach (var column in text)
        {
            chain = chain.Append(ml.Transforms.Text.FeaturizeText(Text(column.Name), column.Name));
            concatenated.Add(Text(column.Name));
        }

        IEstimator<ITransformer> result = chain.Append(ml.Transforms.Concatenate(FeaturesName, [.. concatenated]));
        return normalize ? result.Append(ml.Transforms.NormalizeMinMax(FeaturesName)) : result;
    }

    private static bool IsCategorical(ViewLayout layout, ViewColumn column) =>
        layout.Inputs.First(i => i.Name == column.SourceColumn).Type == "categorical";

    private static string Imputed(string name) => $"__imputed.{name}";

    private static string Missing(string name) => $"__missing.{name}";

    private static string MissingFlag(string name) => $"__missing_flag.{name}";

    private static string OneHot(string name) => $"__onehot.{name}";

    private static string Text(string name) => $"__text.{name}";
}
