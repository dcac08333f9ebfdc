using Cairn.Training.Bundles;

namespace Cairn.Training.Tests.Support;

/// <summary>Models trained once per test run and shared by the collection (small trees keep it fast).</summary>
public sealed class TrainedModels
{
    private readonly Lazy<TrainingResult> _seattle = new(() => Train(ModelTask.MulticlassClassification, "weather", "lightgbm",
        Datasets.SeattleTrain, Datasets.SeattleTest, ("number_of_iterations", "50"), ("number_of_leaves", "8")));

    private readonly Lazy<TrainingResult> _seattleBaseline = new(() => Train(ModelTask.MulticlassClassification, "weather", "baseline",
        Datasets.SeattleTrain, Datasets.SeattleTest));

    private readonly Lazy<TrainingResult> _breastCancer = new(() => Train(ModelTask.BinaryClassification, "diagnosis", "sdca",
        Datasets.BreastCancerTrain, Datasets.BreastCancerTest));

    private readonly Lazy<TrainingResult> _wages = new(() => Train(ModelTask.Regression, "wage", "fasttree",
        Datasets.WagesTrain, Datasets.WagesTest, ("number_of_trees", "50"), ("number_of_leaves", "8")));

    /// <summary>Seattle weather, LightGBM multiclass, trained on 2012–2013 and evaluated on 2014–2015.</summary>
    public TrainingResult Seattle => _seattle.Value;

    public TrainingResult SeattleBaseline => _seattleBaseline.Value;

    /// <summary>Breast cancer, SDCA logistic regression, evaluated on every fourth row.</summary>
    public TrainingResult BreastCancer => _breastCancer.Value;

    /// <summary>1985 wages, FastTree regression, evaluated on every fourth row.</summary>
    public TrainingResult Wages => _wages.Value;

    public static TrainingResult Train(
        ModelTask task, string label, string trainer, Cairn.Data.Tables.DataTable train, Cairn.Data.Tables.DataTable? test,
        params (string Key, string Value)[] parameters) =>
        ModelTrainer.Train(new TrainingRequest
        {
            Task = task,
            Label = label,
            Trainer = trainer,
            Train = train,
            Test = test,
            Seed = 1,
            HyperParameters = parameters.ToDictionary(p => p.Key, p => p.Value),
        });

    public static async Task<ModelBundle> RoundTripAsync(ModelBundle bundle)
    {
        using var stream = new MemoryStream();
        await bundle.SaveAsync(stream, CancellationToken.None);
        stream.Position = 0;
        return await ModelBundle.LoadAsync(stream, CancellationToken.None);
    }
}

[CollectionDefinition(Name)]
public sealed class TrainedModelsCollection : ICollectionFixture<TrainedModels>
{
    public const string Name = "trained models";
}
