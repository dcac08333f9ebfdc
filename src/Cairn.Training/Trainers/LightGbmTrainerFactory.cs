using Cairn.Training.Featurization;
using Cairn.Training.Views;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Cairn.Training.Trainers;

internal sealed class LightGbmTrainerFactory : ITrainerFactory
{
    public string Name => "lightgbm";

    public IReadOnlyList<string> HyperParameters { get; } =
    [
        "number_of_leaves", "number_of_iterations", "learning_rate", "minimum_example_count_per_leaf",
        "l1_regularization", "l2_regularization", "number_of_threads",
    ];

    public bool NeedsNormalization => false;

    public IEstimator<ITransformer> Create(MLContext ml, ModelTask task, HyperParameterReader p, int seed)
    {
        // The options classes share a generic base that cannot be named generically here, so the
        // values are read once and assigned per task.
        var leaves = p.Int("number_of_leaves", 2);
        var iterations = p.Int("number_of_iterations", 1) ?? 100;
        var rate = p.Double("learning_rate", 0);
        var minLeaf = p.Int("minimum_example_count_per_leaf", 1);
        var threads = p.Int("number_of_threads", 1);
        var booster = new GradientBooster.Options
        {
            L1Regularization = p.Double("l1_regularization", 0) ?? 0,
            L2Regularization = p.Double("l2_regularization", 0) ?? 0.01,
        };
        return task switch
        {
            ModelTask.BinaryClassification => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = ViewLayout.LabelName, FeatureColumnName = Featurizer.FeaturesName, Seed = seed,
                NumberOfLeaves = leaves, NumberOfIterations = iterations, LearningRate = rate,
                MinimumExampleCountPerLeaf = minLeaf, NumberOfThreads = threads, Booster = booster,
            }),
            ModelTask.MulticlassClassification => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = ViewLayout.LabelName, FeatureColumnName = Featurizer.FeaturesName, Seed = seed,
                NumberOfLeaves = leaves, NumberOfIterations = iterations, LearningRate = rate,
                MinimumExampleCountPerLeaf = minLeaf, NumberOfThreads = threads, Booster = booster,
            }),
            _ => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = ViewLayout.LabelName, FeatureColumnName = Featurizer.FeaturesName, Seed = seed,
                NumberOfLeaves = leaves, NumberOfIterations = iterations, LearningRate = rate,
                MinimumExampleCountPerLeaf = minLeaf, NumberOfThreads = threads, Booster = booster,
            }),
        };
    }
}
