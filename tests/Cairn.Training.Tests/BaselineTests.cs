using Cairn.Training.Bundles;
using Cairn.Training.Tests.Support;

namespace Cairn.Training.Tests;

[Collection(TrainedModelsCollection.Name)]
public sealed class BaselineTests(TrainedModels models)
{
    [Fact]
    public void MulticlassBaseline_PredictsTheMajorityClassWithTrainingFrequencies()
    {
        var bundle = models.SeattleBaseline.Bundle;
        var train = Datasets.SeattleTrain["weather"].Strings!;
        using var scorer = bundle.CreateScorer();

        var prediction = scorer.Score(new Dictionary<string, object?> { ["precipitation"] = 3.0 });

        Assert.Equal(ModelFlavor.Baseline, bundle.Manifest.Flavor);
        var majority = train.GroupBy(w => w).MaxBy(g => g.Count())!.Key!;
        Assert.Equal(majority, prediction.Label);
        foreach (var (label, probability) in prediction.Probabilities!)
        {
            Assert.Equal((double)train.Count(w => w == label) / train.Length, probability, 12);
        }

        Assert.Equal(prediction.Probabilities[majority], prediction.Score, 12);
    }

    [Fact]
    public void RegressionBaseline_PredictsTheTrainingMean()
    {
        var result = TrainedModels.Train(ModelTask.Regression, "wage", "baseline", Datasets.WagesTrain, Datasets.WagesTest);
        using var scorer = result.Bundle.CreateScorer();

        var predictions = scorer.Score(Datasets.WagesTest);

        var mean = Datasets.WagesTrain["wage"].Numbers!.Average();
        Assert.All(predictions.Scores, s => Assert.Equal(mean, s, 9));
        Assert.Equal(mean, result.Bundle.Baseline!.Mean, 9);
        Assert.True(result.Evaluation.Metrics["r2"] <= 0.01);
    }

    [Fact]
    public void BinaryBaseline_HasChanceAuc()
    {
        var result = TrainedModels.Train(ModelTask.BinaryClassification, "diagnosis", "baseline", Datasets.BreastCancerTrain, Datasets.BreastCancerTest);

        Assert.Equal(0.5, result.Evaluation.Metrics["auc"], 9);
        Assert.Equal("benign", result.Bundle.Baseline!.ClassLabels[0]);
    }

    [Fact]
    public async Task BaselineBundle_RoundTripsAndKeepsTheRealModelsSignature()
    {
        var loaded = await TrainedModels.RoundTripAsync(models.SeattleBaseline.Bundle);
        using var original = models.SeattleBaseline.Bundle.CreateScorer();
        using var reloaded = loaded.CreateScorer();

        Assert.Equal(models.Seattle.Bundle.Manifest.Inputs, loaded.Manifest.Inputs);
        Assert.Equal(models.Seattle.Bundle.Manifest.Outputs.Select(o => o.Name), loaded.Manifest.Outputs.Select(o => o.Name));
        Assert.Equal(original.Score(Datasets.SeattleTest).Labels, reloaded.Score(Datasets.SeattleTest).Labels);
        Assert.Equal(models.SeattleBaseline.Bundle.Baseline!.ClassFrequencies, loaded.Baseline!.ClassFrequencies);
    }

    [Fact]
    public void BaselineScorer_StillValidatesItsInputs()
    {
        using var scorer = models.SeattleBaseline.Bundle.CreateScorer();

        var error = Assert.Throws<Cairn.Core.Errors.CairnException>(() => scorer.Score(Datasets.SeattleTest.Without("wind")));
        Assert.Contains("'wind'", error.Message);
    }
}
