using Cairn.Client;
using Cairn.Data.Reading;
using Cairn.Data.Tables;
using Cairn.Training;
using Cairn.Training.Bundles;

namespace Cairn.Cli.Tests.Serving;

/// <summary>
/// A real LightGBM multiclass model on the Seattle weather data (date, precipitation, temperatures, wind →
/// weather), trained once per test process, and registered on a server as a model version whose source is
/// the bundle zip behind the artifact proxy — what the model.register step does.
/// </summary>
internal static class ServingTestModel
{
    private static readonly Lazy<Task<(ModelBundle Bundle, byte[] Zip)>> Trained = new(TrainAsync);

    public static string DataFile { get; } = Path.Combine(RepositoryRoot(), "examples", "seattle-weather", "data", "seattle-weather.csv");

    public static Task<(ModelBundle Bundle, byte[] Zip)> GetAsync() => Trained.Value;

    /// <summary>Registers the model as <paramref name="name"/> version 1 on the server.</summary>
    public static async Task RegisterAsync(Uri server, string name)
    {
        var (_, zip) = await GetAsync();
        var path = $"registry/{name}/model.zip";
        using (var http = new HttpClient { BaseAddress = server })
        using (var content = new ByteArrayContent(zip))
        {
            using var put = await http.PutAsync(new Uri($"api/2.0/mlflow-artifacts/artifacts/{path}", UriKind.Relative), content);
            put.EnsureSuccessStatusCode();
        }

        using var client = new CairnClient(server);
        await client.CreateRegisteredModelAsync(name);
        await client.CreateModelVersionAsync(name, $"mlflow-artifacts:/{path}");
    }

    public static async Task<DataTable> ReadDataAsync() => await TableReader.ReadFileAsync(DataFile);

    private static async Task<(ModelBundle, byte[])> TrainAsync()
    {
        var table = await ReadDataAsync();
        var result = ModelTrainer.Train(new TrainingRequest
        {
            Task = ModelTask.MulticlassClassification,
            Label = "weather",
            Trainer = "lightgbm",
            Seed = 1,
            Train = table,
        });
        using var zip = new MemoryStream();
        await result.Bundle.SaveAsync(zip, CancellationToken.None);
        return (result.Bundle, zip.ToArray());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
