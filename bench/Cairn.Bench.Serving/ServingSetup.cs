using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cairn.Client;

namespace Cairn.Bench.Serving;

/// <summary>Registers the model on a server and deploys it as <see cref="Deployment"/>, through the public APIs.</summary>
internal static class ServingSetup
{
    public const string Deployment = "weather";
    public const string Model = "seattle-weather-bench";

    /// <summary>False when the server has no deployment API (a build without the deployments area).</summary>
    public static async Task<bool> DeployAsync(Uri server, BenchModel model)
    {
        using var http = new HttpClient { BaseAddress = server };
        const string path = "registry/" + Model + "/model.zip";
        using (var put = await http.PutAsync(new Uri("api/2.0/mlflow-artifacts/artifacts/" + path, UriKind.Relative), new ByteArrayContent(model.Zip)))
        {
            put.EnsureSuccessStatusCode();
        }

        using (var client = new CairnClient(server))
        {
            await client.CreateRegisteredModelAsync(Model);
            await client.CreateModelVersionAsync(Model, "mlflow-artifacts:/" + path);
        }

        var body = $$"""{"name":"{{Deployment}}","variants":[{"name":"champion","model":"{{Model}}","version":1,"weight":100,"mode":"live"}],"reason":"benchmark"}""";
        using var create = await http.PostAsync(new Uri("api/v1/deployments", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        if (create.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return false;
        }

        if (!create.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating the deployment failed: {(int)create.StatusCode} {await create.Content.ReadAsStringAsync()}");
        }

        var ready = Stopwatch.StartNew();
        while (ready.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var answer = await http.GetAsync(new Uri($"v2/models/{Deployment}/ready", UriKind.Relative));
            if (answer.StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The deployment '{Deployment}' did not report ready within 60 s.");
    }

    /// <summary>One request, checked, so a broken body fails the benchmark instead of measuring 4xx answers.</summary>
    public static async Task CheckInferAsync(Uri server, string body)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var answer = await http.PostAsync(new Uri($"v2/models/{Deployment}/infer", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await answer.Content.ReadAsStringAsync();
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The OIP request was refused: {(int)answer.StatusCode} {text}");
        }

        Console.Error.WriteLine($"OIP answer: {text}");
    }
}
