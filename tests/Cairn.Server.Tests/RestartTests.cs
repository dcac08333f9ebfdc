using System.Text.Json.Nodes;
using Cairn.Server.Tests.BadInput;
using Cairn.Testing;

namespace Cairn.Server.Tests;

/// <summary>
/// Everything the server acknowledged survives a restart over the same home (and database): experiments,
/// runs, params, metric histories, tags, lifecycle changes, artifacts and registry entries. Each provider
/// gets its own server, because restarting one shared by other tests would pull it from under them.
/// </summary>
public abstract class RestartTests<TServer>(TServer server)
    where TServer : CairnServerFixture
{
    [Fact]
    public async Task Restart_KeepsEverythingThatWasAcknowledged()
    {
        var api = new MlflowApi(server.Http);
        var experimentId = await api.CreateExperimentAsync();
        await api.PostOkAsync("experiments/set-experiment-tag", new JsonObject { ["experiment_id"] = experimentId, ["key"] = "team", ["value"] = "mlops" });
        var finished = await api.CreateRunAsync(experimentId);
        var deleted = await api.CreateRunAsync(experimentId);
        await api.PostOkAsync("runs/log-parameter", new JsonObject { ["run_id"] = finished, ["key"] = "lr", ["value"] = "0.1" });
        for (var step = 0; step < 5; step++)
        {
            await api.PostOkAsync("runs/log-metric", new JsonObject
            {
                ["run_id"] = finished, ["key"] = "loss", ["value"] = 1.0 / (step + 1), ["timestamp"] = 1_700_000_000_000 + step, ["step"] = step,
            });
        }

        await api.PostOkAsync("runs/log-batch", new JsonObject
        {
            ["run_id"] = finished,
            ["metrics"] = new JsonArray(
                MlflowApi.Metric("acc", 0.9, 1),
                new JsonObject { ["key"] = "nan", ["value"] = "NaN", ["timestamp"] = 1_700_000_000_000, ["step"] = 0 }),
            ["params"] = new JsonArray(MlflowApi.KeyValue("epochs", "5")),
            ["tags"] = new JsonArray(MlflowApi.KeyValue("owner", "ci")),
        });
        await api.PostOkAsync("runs/set-tag", new JsonObject { ["run_id"] = finished, ["key"] = "stage", ["value"] = "test" });
        await api.PostOkAsync("runs/update", new JsonObject { ["run_id"] = finished, ["status"] = "FINISHED", ["end_time"] = 1_700_000_100_000 });
        await api.PostOkAsync("runs/delete", new JsonObject { ["run_id"] = deleted });
        var artifact = $"{MlflowApi.ArtifactsPrefix}/{experimentId}/{finished}/artifacts/notes/hello.txt";
        using (var upload = await server.Http.PutAsync(new Uri(artifact, UriKind.Relative), new StringContent("hello after restart\n")))
        {
            await MlflowAssert.OkAsync(upload);
        }

        var model = MlflowApi.UniqueName("restart-model");
        await api.PostOkAsync("registered-models/create", new JsonObject { ["name"] = model });
        await api.PostOkAsync("model-versions/create", new JsonObject
        {
            ["name"] = model, ["source"] = $"mlflow-artifacts:/{experimentId}/{finished}/artifacts/notes", ["run_id"] = finished,
        });
        await api.PostOkAsync("registered-models/alias", new JsonObject { ["name"] = model, ["alias"] = "champion", ["version"] = "1" });

        string[] reads =
        [
            $"experiments/get?experiment_id={experimentId}",
            $"runs/get?run_id={finished}",
            $"runs/get?run_id={deleted}",
            $"metrics/get-history?run_id={finished}&metric_key=loss&max_results=100",
            $"registered-models/get?name={model}",
            $"registered-models/alias?name={model}&alias=champion",
        ];
        var before = new List<string>();
        foreach (var read in reads)
        {
            before.Add(Canonical(await api.GetOkAsync(read)));
        }

        await server.RestartAsync();

        api = new MlflowApi(server.Http);
        for (var i = 0; i < reads.Length; i++)
        {
            Assert.Equal(before[i], Canonical(await api.GetOkAsync(reads[i])));
        }

        Assert.Equal("hello after restart\n", await server.Http.GetStringAsync(new Uri(artifact, UriKind.Relative)));

        // The restarted server keeps working and does not hand out an id twice.
        var next = await api.CreateExperimentAsync();
        Assert.NotEqual(experimentId, next);
        await api.PostOkAsync("runs/log-metric", new JsonObject
        {
            ["run_id"] = finished, ["key"] = "loss", ["value"] = 0.1, ["timestamp"] = 1_700_000_000_010, ["step"] = 10,
        });
        var history = await api.GetOkAsync($"metrics/get-history?run_id={finished}&metric_key=loss&max_results=100");
        Assert.Equal(6, history["metrics"]!.AsArray().Count);
    }

    /// <summary>JSON with arrays in a stable order, so two reads of the same data compare equal.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical).Order(StringComparer.Ordinal)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}

// The two providers share the test body above; each derived class is a one-line binding to its fixture.
public sealed class SqliteRestartTests(CairnServerFixture server)
    : RestartTests<CairnServerFixture>(server), IClassFixture<CairnServerFixture>;

public sealed class PostgresRestartTests(PostgresCairnServerFixture server)
    : RestartTests<PostgresCairnServerFixture>(server), IClassFixture<PostgresCairnServerFixture>;
