using Cairn.Training.Featurization;
using Cairn.Training.Views;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Cairn.Training.Trainers;

/// <summary>
/// L-BFGS: logistic regression (binary), maximum entropy (multiclass), Poisson regression
/// (regression; OLS lives in the MKL package, which this build does not ship, so the label must be
/// non-negative).
/// </summary>
internal sealed class LbfgsTrainerFactory : ITrainerFactory
{
    public string Name => "lbfgs";

    public IReadOnlyList<string> HyperParameters { get; } =
        ["l1_regularization", "l2_regularization", "optimization_tolerance", "history_size", "maximum_number_of_iterations", "number_of_threads"];

    public bool NeedsNormalization => true;

    public IEstimator<ITransformer> Create(MLContext ml, ModelTask task, HyperParameterReader p, int seed)
    {
        var l1 = p.Single("l1_regularization", 0) ?? 1f;
        var l2 = p.Single("l2_regularization", 0) ?? 1f;
        var tolerance = p.Single("optimization_tolerance", 0) ?? 1e-7f;
        var history = p.Int("history_size", 1) ?? 20;
        var iterations = p.Int("maximum_number_of_iterations", 1) ?? int.MaxValue;
        var threads = p.Int("number_of_threads", 1);
        return task switch
        {
            ModelTask.BinaryClassification => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = ViewLayout.LabelName, FeatureColumnName = Featurizer.FeaturesName,
                L1Regularization = l1, L2Regularization = l2, OptimizationTolerance = tolerance, HistorySize = history,
                MaximumNumberOfIterations = iterations, NumberOfThreads = threads,
            }),
            ModelTask.MulticlassClassification => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = ViewLayout.LabelName, FeatureColumnName = Featurizer.FeaturesName,
                L1Regularization = l1, L2Regularization = l2, OptimizationTolerance = tolerance, HistorySize = history,
                MaximumNumberOfIterations = iterations, NumberOfThreads = threads,
            }),
            _ => ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options
            {
                LabelColumnName = ViewLayout.LabelName, FeatureColumnName = Featurizer.FeaturesName,
                L1Regularization = l1, L2Regularization = l2, OptimizationTolerance = tolerance, HistorySize = history,
                MaximumNumberOfIterations = iterations, NumberOfThreads = threads,
            }),
        };
    }
}
