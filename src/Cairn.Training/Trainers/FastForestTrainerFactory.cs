using Cairn.Training.Featurization;
using Cairn.Training.Views;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Cairn.Training.Trainers;

/// <summary>
/// FastForest (random forest). Its binary model is not calibrated, so a Platt calibrator follows it
/// to give the bundle real probabilities; multiclass is one-versus-all.
/// </summary>
internal sealed class FastForestTrainerFactory : ITrainerFactory
{
    public string Name => "fastforest";

    public IReadOnlyList<string> HyperParameters { get; } =
        ["number_of_leaves", "number_of_trees", "minimum_example_count_per_leaf", "feature_fraction", "number_of_threads"];

    public bool NeedsNormalization => false;

    public IEstimator<ITransformer> Create(MLContext ml, ModelTask task, HyperParameterReader p, int seed) => task switch
    {
        ModelTask.BinaryClassification => ml.BinaryClassification.Trainers.FastForest(Apply(new FastForestBinaryTrainer.Options(), p, seed))
            .Append(ml.BinaryClassification.Calibrators.Platt(ViewLayout.LabelName)),
        ModelTask.MulticlassClassification => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastForest(Apply(new FastForestBinaryTrainer.Options(), p, seed)), ViewLayout.LabelName),
        _ => ml.Regression.Trainers.FastForest(Apply(new FastForestRegressionTrainer.Options(), p, seed)),
    };

    private static T Apply<T>(T options, HyperParameterReader p, int seed)
        where T : TreeOptions
    {
        options.LabelColumnName = ViewLayout.LabelName;
        options.FeatureColumnName = Featurizer.FeaturesName;
        options.Seed = seed;
        options.NumberOfLeaves = p.Int("number_of_leaves", 2) ?? options.NumberOfLeaves;
        options.NumberOfTrees = p.Int("number_of_trees", 1) ?? options.NumberOfTrees;
        options.MinimumExampleCountPerLeaf = p.Int("minimum_example_count_per_leaf", 1) ?? options.MinimumExampleCountPerLeaf;
        options.FeatureFraction = p.Double("feature_fraction", 0) ?? options.FeatureFraction;
        options.NumberOfThreads = p.Int("number_of_threads", 1) ?? options.NumberOfThreads;
        return options;
    }
}
