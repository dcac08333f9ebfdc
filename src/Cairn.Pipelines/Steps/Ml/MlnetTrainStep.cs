using System.Text.Json.Nodes;
using Cairn.Data.Formats;
using Cairn.Data.Profiling;
using Cairn.Data.Reading;
using Cairn.Data.Serialization;
using Cairn.Training;
using Cairn.Training.Bundles;
using Cairn.Training.Trainers;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>
/// <c>mlnet.train</c>: trains an ML.NET (or baseline) model on the <c>train</c> dataset and outputs a
/// Cairn model bundle (<c>model</c>) that embeds the training data's profile as the drift reference.
/// Metrics on <c>test</c> (when given, else on the training data) are reported as <c>train_&lt;metric&gt;</c>
/// or <c>test_&lt;metric&gt;</c>.
/// </summary>
public sealed class MlnetTrainStep : IStep
{
    public string Kind => "mlnet.train";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new(
    [
        new ConfigField("task", ConfigType.String, Required: true, "binary, multiclass or regression"),
        new ConfigField("label", ConfigType.String, Required: true, "the column to predict"),
        new ConfigField("trainer", ConfigType.String, Description: $"one of {string.Join(", ", TrainerCatalog.Names)} (default lightgbm)"),
        new ConfigField("hyperparameters", ConfigType.Map, Description: "trainer hyperparameters by snake_case name"),
        new ConfigField("features", ConfigType.StringList, Description: "input columns (default: all but the label and exclude)"),
        new ConfigField("exclude", ConfigType.StringList, Description: "columns never used as features"),
        new ConfigField("positive_class", ConfigType.String, Description: "binary: the positive label"),
        new ConfigField("seed", ConfigType.Integer, Description: "training seed (default 0)"),
        new ConfigField("train", ConfigType.String, Description: "the training dataset (default: the input slot 'train')"),
        new ConfigField("test", ConfigType.String, Description: "a held-out dataset to report metrics on (default: the input slot 'test' if any)"),
    ]);

    public Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken) => MlStepRunner.GuardAsync(async () =>
    {
        var config = context.Config;
        var (trainInput, trainPath) = (await MlArtifacts.FindAsync(context, "train", MlArtifacts.DatasetType, required: true, cancellationToken))!.Value;
        var testFound = await MlArtifacts.FindAsync(context, "test", "", required: false, cancellationToken);
        var train = await TableReader.ReadFileAsync(trainPath, DataFormats.Resolve(null, trainPath), null, cancellationToken);
        // The test set is read with the training schema, so both sides have the same column types.
        var test = testFound is { } t ? await TableReader.ReadFileAsync(t.Path, DataFormats.Resolve(null, t.Path), train.Schema, cancellationToken) : null;
        var request = new TrainingRequest
        {
            Task = ParseTask(MlConfig.RequiredString(config, "task")),
            Label = MlConfig.RequiredString(config, "label"),
            Trainer = MlConfig.String(config, "trainer") ?? "lightgbm",
            HyperParameters = MlConfig.ScalarMap(config, "hyperparameters"),
            Features = MlConfig.StringList(config, "features") is { Count: > 0 } features ? features : null,
            Exclude = MlConfig.StringList(config, "exclude"),
            PositiveClass = MlConfig.String(config, "positive_class"),
            Seed = (int)(MlConfig.Number(config, "seed") ?? 0),
            Train = train,
            Test = test,
            TrainingProfileJson = DataJson.Serialize(DatasetProfiler.Profile(train)),
        };
        context.Log($"training {request.Trainer} ({MlConfig.String(config, "task")}) on {train.RowCount} rows, label '{request.Label}'");
        var result = await Task.Run(() => ModelTrainer.Train(request, cancellationToken), cancellationToken);
        var prefix = result.Evaluation.Dataset ?? "train";
        foreach (var (name, value) in result.Evaluation.Metrics)
        {
            context.ReportMetric($"{prefix}_{name}", value);
            context.Log($"{prefix} {name} = {value:G6}");
        }

        var path = Path.Combine(context.OutputDirectory, "model.zip");
        await result.Bundle.SaveAsync(path, cancellationToken);
        var versions = MlArtifacts.DatasetVersions(trainInput).Concat(testFound is { } found ? MlArtifacts.DatasetVersions(found.Input) : []);
        context.DeclareOutput("model", path, MlArtifacts.ModelType, new JsonObject
        {
            ["flavor"] = FlavorName(result.Bundle.Manifest.Flavor),
            ["task"] = MlConfig.String(config, "task"),
            ["trainer"] = request.Trainer,
            ["label"] = request.Label,
            [MlArtifacts.DatasetVersionsKey] = MlArtifacts.ToArray(versions),
        }.ToJsonString());
        return StepResult.Success;
    });

    internal static ModelTask ParseTask(string task) => task switch
    {
        "binary" => ModelTask.BinaryClassification,
        "multiclass" => ModelTask.MulticlassClassification,
        "regression" => ModelTask.Regression,
        _ => throw MlConfig.Invalid("task", $"must be binary, multiclass or regression, not '{task}'"),
    };

    internal static string FlavorName(ModelFlavor flavor) => flavor switch
    {
        ModelFlavor.MlNet => "mlnet",
        ModelFlavor.Onnx => "onnx",
        _ => "baseline",
    };
}
