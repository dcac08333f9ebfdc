using Cairn.Training.Featurization;
using Cairn.Training.Views;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Cairn.Training.Trainers;

/// <summary>FastTree (boosted trees); multiclass is one-versus-all over binary FastTree.</summary>
internal sealed class FastTreeTrainerFactory : ITrainerFactory
{
    public string Name => "fasttree";

    public IReadOnlyList<string> HyperParameters { get; } =
        ["number_of_leaves", "number_of_trees", "learning_rate", "minimum_example_count_per_leaf", "number_of_threads"];

    public bool NeedsNormalization => false;

    public IEstimator<ITransformer> Create(MLContext ml, ModelTask task, HyperParameterReader p, int seed) => task switch
    {
        ModelTask.BinaryClassification => ml.BinaryClassification.Trainers.FastTree(Apply(new FastTreeBinaryTrainer.Options(), p, seed)),
        ModelTask.MulticlassClassification => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastTree(Apply(new FastTreeBinaryTrainer.Options(), p, seed)), ViewLayout.LabelName),
        _ => ml.Regression.Trainers.FastTree(Apply(new FastTreeRegressionTrainer.Options(), p, seed)),
    };

    private static T Apply<T>(T options, HyperParameterReader p, int seed)
        where T : BoostedTreeOptions
    {
        options.LabelColumnName = ViewLayout.LabelName;
        options.FeatureColumnName = Featurizer.FeaturesName;
        options.Seed = seed;
        options.NumberOfLeaves = p.Int("number_of_leaves", 2) ?? options.NumberOfLeaves;
        options.NumberOfTrees = p.Int("number_of_trees", 1) ?? options.NumberOfTrees;
        options.LearningRate = p.Double("learning_rate", 0) ?? options.LearningRate;
        options.MinimumExampleCountPerLeaf = p.Int("minimum_example_count_per_leaf", 1) ?? options.MinimumExampleCountPerLeaf;
        options.NumberOfThreads = p.Int("number_of_threads", 1) ?? options.NumberOfThreads;
        return options;
    }
}
