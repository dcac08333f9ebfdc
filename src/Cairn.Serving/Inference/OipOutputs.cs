namespace Cairn.Serving.Inference;

/// <summary>The outputs Cairn's tabular models answer with over OIP (see docs/serving.md, Inference).</summary>
[Flags]
public enum OipOutputs
{
    None = 0,

    /// <summary><c>label</c>: BYTES [N], the predicted class (classifiers).</summary>
    Label = 1,

    /// <summary><c>score</c>: FP64 [N], the predicted value (regression) or the probability of the predicted/positive class.</summary>
    Score = 2,

    /// <summary><c>probabilities</c>: FP64 [N, classes], in the model's class-label order (classifiers).</summary>
    Probabilities = 4,

    Classifier = Label | Score | Probabilities,
}
