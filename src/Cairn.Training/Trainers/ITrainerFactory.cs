using Microsoft.ML;

namespace Cairn.Training.Trainers;

/// <summary>One named ML.NET trainer family: its hyperparameters and how it builds an estimator per task.</summary>
internal interface ITrainerFactory
{
    string Name { get; }

    /// <summary>The hyperparameter names it accepts (snake_case).</summary>
    IReadOnlyList<string> HyperParameters { get; }

    /// <summary>Linear trainers want normalized features; tree trainers do not care.</summary>
    bool NeedsNormalization { get; }

    /// <summary>The estimator reading Label and Features and producing Score (and PredictedLabel/Probability for classification).</summary>
    IEstimator<ITransformer> Create(MLContext ml, ModelTask task, HyperParameterReader parameters, int seed);
}
