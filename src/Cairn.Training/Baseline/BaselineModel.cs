namespace Cairn.Training.Baseline;

/// <summary>
/// The baseline model: it ignores its inputs and predicts the training class frequencies
/// (classification: the majority class, with the frequencies as probabilities) or the training mean
/// (regression). Stored as <c>baseline.json</c>; it lets an application integrate against the
/// signature before a real model exists, and it is the bar every real model must clear.
/// </summary>
public sealed record BaselineModel
{
    public required ModelTask Task { get; init; }

    public IReadOnlyList<string> ClassLabels { get; init; } = [];

    /// <summary>Training frequency of each class, in <see cref="ClassLabels"/> order.</summary>
    public IReadOnlyList<double> ClassFrequencies { get; init; } = [];

    /// <summary>Regression: the training mean of the label.</summary>
    public double Mean { get; init; }

    /// <summary>Fits the baseline to the training labels (strings for classification, numbers for regression).</summary>
    public static BaselineModel Fit(ModelTask task, IReadOnlyList<string> classLabels, string?[]? labels, double[]? values)
    {
        if (task == ModelTask.Regression)
        {
            var present = values!.Where(v => !double.IsNaN(v)).ToList();
            return new BaselineModel { Task = task, Mean = present.Count == 0 ? 0 : present.Average() };
        }

        var counts = labels!.OfType<string>().CountBy(l => l).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var total = counts.Values.Sum();
        return new BaselineModel
        {
            Task = task,
            ClassLabels = classLabels,
            ClassFrequencies = [.. classLabels.Select(c => total == 0 ? 1.0 / classLabels.Count : (double)counts.GetValueOrDefault(c) / total)],
        };
    }
}
