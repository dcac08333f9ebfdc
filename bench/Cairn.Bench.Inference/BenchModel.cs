using Cairn.Core.Artifacts;
using Cairn.Core.Registry;
using Cairn.Data.Formats;
using Cairn.Data.Reading;
using Cairn.Training;
using Cairn.Training.Bundles;

namespace Cairn.Bench.Inference;

/// <summary>The benchmark model: LightGBM multiclass (default hyperparameters) on the seattle-weather example data.</summary>
internal static class BenchModel
{
    public static string DataFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "examples", "seattle-weather")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"),
            "examples", "seattle-weather", "data", "seattle-weather.csv");
    }

    public static async Task<ModelBundle> TrainAsync()
    {
        var file = DataFile();
        var table = await TableReader.ReadFileAsync(file, DataFormats.Resolve(null, file), null, CancellationToken.None);
        return ModelTrainer.Train(new TrainingRequest { Task = ModelTask.MulticlassClassification, Label = "weather", Trainer = "lightgbm", Train = table, Seed = 1 }).Bundle;
    }

    public static async Task<long> RegisterAsync(IRegistryStore registry, IArtifactStore artifacts, ModelBundle bundle, string name)
    {
        await registry.CreateRegisteredModelAsync(new NewRegisteredModel { Name = name }, CancellationToken.None);
        using var stream = new MemoryStream();
        await bundle.SaveAsync(stream, CancellationToken.None);
        stream.Position = 0;
        var path = $"registry/{name}/bench/model.zip";
        await artifacts.PutAsync(path, stream, CancellationToken.None);
        var version = await registry.CreateModelVersionAsync(new NewModelVersion { Name = name, Source = ArtifactUri.FromStorePath(path) }, CancellationToken.None);
        return version.Version;
    }
}
