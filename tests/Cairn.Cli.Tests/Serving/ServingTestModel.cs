using Cairn.Testing;
using System.Net.Http.Json;
using System.Text.Json;
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

    public static string ExampleDirectory => Repository.SeattleWeatherExample;

    public static string DataFile { get; } = Path.Combine(ExampleDirectory, "data", "seattle-weather.csv");

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

    /// <summary>
    /// Registers the model under a fresh name and creates a real deployment of the same name serving its version 1
    /// as the live variant <c>champion</c>, plus the same version as the shadow <c>shadowy</c> when asked.
    /// </summary>
    public static async Task<string> DeployAsync(Uri server, bool withShadow = false)
    {
        var name = $"weather-{Guid.NewGuid():N}"[..20];
        await RegisterAsync(server, name);
        var variants = new List<object> { new { name = "champion", model = name, version = 1, weight = 100, mode = "live" } };
        if (withShadow)
        {
            variants.Add(new { name = "shadowy", model = name, version = 1, weight = 0, mode = "shadow" });
        }

        using var http = new HttpClient { BaseAddress = server };
        using var response = await http.PostAsJsonAsync("api/v1/deployments", new { name, variants, reason = "cli tests" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return name;
    }

    /// <summary>The deployment's prediction log once it holds <paramref name="count"/> records (polled: segments are written within a second).</summary>
    public static async Task<List<JsonElement>> LoggedPredictionsAsync(Uri server, string deployment, int count)
    {
        using var http = new HttpClient { BaseAddress = server };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await http.GetFromJsonAsync<JsonElement>($"api/v1/deployments/{deployment}/predictions");
            var records = answer.TryGetProperty("predictions", out var list) ? list.EnumerateArray().ToList() : [];
            if (records.Count >= count)
            {
                // Newest first on the wire; oldest first here, as they were sent.
                records.Reverse();
                return records;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the prediction log of '{deployment}' holds {records.Count} of {count} records");
            await Task.Delay(100);
        }
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
}
