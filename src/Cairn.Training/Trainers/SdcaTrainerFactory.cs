using Cairn.Training.Featurization;
using Cairn.Training.Views;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Cairn.Training.Trainers;

/// <summary>SDCA: logistic regression (binary), maximum entropy (multiclass), squared loss (regression).</summary>
internal sealed class SdcaTrainerFactory : ITrainerFactory
{
    public string Name => "sdca";

    public IReadOnlyList<string> HyperParameters { get; } =
        ["l1_regularization", "l2_regularization", "maximum_number_of_iterations", "convergence_tolerance", "number_of_threads"];

    public bool NeedsNormalization => true;

    public IEstimator<ITransformer> Create(MLContext ml, ModelTask task, HyperParameterReader p, int seed)
    {
        var l1 = p.Single("l1_regularization", 0);
        var l2 = p.Single("l2_regularization", 0);
        var iterations = p.Int("maximum_number_of_iterations", 1);
        var tolerance = p.Single("convergence_tolerance", 0) ?? 0.1f;
        // Several threads make SDCA non-deterministic; one thread unless asked keeps a seed meaningful.
        var threads = p.Int("number_of_threads", 1) ?? 1;
        return task switch
        {
            ModelTask.BinaryClassification => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = ViewLayout.LabelName, FeatureColumnName = Featurizer.FeaturesName,
                L1Regularization = l1, L2Regularization = l2, MaximumNumberOfIterations = iterations,
                ConvergenceTolerance = tolerance, NumberOfThreads = threads,
            }),
            ModelTask.MulticlassClassification => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = ViewLayout.LabelName, FeatureColumnName = Featurizer.FeaturesName,
                L1Regularization = l1, L2Regularization = l2, MaximumNumberOfIterations = iterations,
                ConvergenceTolerance = tolerance, NumberOfThreads = threads,
            }),
            _ => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = ViewLayout.LabelName, FeatureColumnName = Featurizer.FeaturesName,
                L1Regularization = l1, L2Regularization = l2, MaximumNumberOfIterations = iterations,
                ConvergenceTolerance = tolerance, NumberOfThreads = threads,
            }),
        };
    }
}
