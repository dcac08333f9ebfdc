using Cairn.Data.Tables;
using Cairn.Training.Scoring;
using Cairn.Training.Views;

namespace Cairn.Training.Baseline;

/// <summary>Scores with a <see cref="BaselineModel"/>; stateless, hence thread-safe.</summary>
internal sealed class BaselineScorer(BaselineModel model, ViewLayout layout) : IModelScorer
{
    public ModelTask Task => model.Task;

    public IReadOnlyList<string> ClassLabels => model.ClassLabels;

    public PredictionBatch Score(DataTable input, CancellationToken cancellationToken = default)
    {
        // Loading validates the input against the signature, as a real model would.
        layout.Load(input);
        var batch = new PredictionBatch(Task, ClassLabels, input.RowCount);
        for (var row = 0; row < input.RowCount; row++)
        {
            Fill(batch, row);
        }

        return batch;
    }

    public Prediction Score(IReadOnlyDictionary<string, object?> record)
    {
        layout.Fill(layout.NewFrame(1), record);
        var batch = new PredictionBatch(Task, ClassLabels, 1);
        Fill(batch, 0);
        return batch[0];
    }

    public void Dispose()
    {
    }

    private void Fill(PredictionBatch batch, int row)
    {
        if (Task == ModelTask.Regression)
        {
            batch.Scores[row] = model.Mean;
            return;
        }

        var probabilities = batch.ProbabilitiesOf(row);
        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] = model.ClassFrequencies[k];
        }

        ScoreWriter.FromProbabilities(batch, row);
    }
}
