using Cairn.Training.Tests.Support;

namespace Cairn.Training.Tests;

public sealed class SmokeTests
{
    [Theory]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    [InlineData("fastforest")]
    [InlineData("sdca")]
    [InlineData("lbfgs")]
    [InlineData("baseline")]
    public void Smoke(string trainer)
    {
        foreach (var (task, label, train, test) in new[]
        {
            (ModelTask.MulticlassClassification, "weather", Datasets.SeattleTrain, Datasets.SeattleTest),
            (ModelTask.BinaryClassification, "diagnosis", Datasets.BreastCancerTrain, Datasets.BreastCancerTest),
            (ModelTask.Regression, "wage", Datasets.WagesTrain, Datasets.WagesTest),
        })
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var result = ModelTrainer.Train(new TrainingRequest { Task = task, Label = label, Trainer = trainer, Train = train, Test = test });
            Console.WriteLine($"{trainer} {task} {sw.ElapsedMilliseconds}ms " + string.Join(" ", result.Evaluation.Metrics.Select(m => $"{m.Key}={m.Value:F3}")));
        }
    }
}
