namespace Cairn.Training.Scoring;

/// <summary>
/// Predictions for a table, column-oriented like the table: labels, scores and a row-major
/// probability matrix (row × class, classes in <see cref="ClassLabels"/> order).
/// </summary>
public sealed class PredictionBatch
{
    private readonly double[]? _probabilities;

    public PredictionBatch(ModelTask task, IReadOnlyList<string> classLabels, int rowCount)
    {
        Task = task;
        ClassLabels = classLabels;
        RowCount = rowCount;
        Scores = new double[rowCount];
        if (task != ModelTask.Regression)
        {
            Labels = new string?[rowCount];
            _probabilities = new double[rowCount * classLabels.Count];
        }
    }

    public ModelTask Task { get; }

    public IReadOnlyList<string> ClassLabels { get; }

    public int RowCount { get; }

    /// <summary>Predicted class labels (null for regression).</summary>
    public string?[]? Labels { get; }

    /// <summary>See <see cref="Prediction.Score"/>.</summary>
    public double[] Scores { get; }

    public Prediction this[int row] => new(
        Labels?[row],
        Scores[row],
        _probabilities is null ? null : ClassLabels.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => Probability(row, p.k), StringComparer.Ordinal));

    public double Probability(int row, int classIndex) =>
        _probabilities is null ? double.NaN : _probabilities[(row * ClassLabels.Count) + classIndex];

    /// <summary>The probabilities of one row, writable by scorers.</summary>
    public Span<double> ProbabilitiesOf(int row) =>
        _probabilities is null ? [] : _probabilities.AsSpan(row * ClassLabels.Count, ClassLabels.Count);
}
