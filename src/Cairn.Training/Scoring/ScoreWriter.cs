namespace Cairn.Training.Scoring;

/// <summary>Fills one row of a batch from class probabilities, the same way for every flavor.</summary>
internal static class ScoreWriter
{
    /// <summary>Sets the label to the most probable class and the score per the task's definition.</summary>
    public static void FromProbabilities(PredictionBatch batch, int row)
    {
        var probabilities = batch.ProbabilitiesOf(row);
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
        {
            if (probabilities[k] > probabilities[best])
            {
                best = k;
            }
        }

        batch.Labels![row] = batch.ClassLabels[best];
        batch.Scores[row] = batch.Task == ModelTask.BinaryClassification ? probabilities[1] : probabilities[best];
    }
}
