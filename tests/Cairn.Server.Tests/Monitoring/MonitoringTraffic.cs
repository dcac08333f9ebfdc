using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Serving.PredictionLog;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Monitoring;

/// <summary>Creating a monitored deployment, sending real traffic through the records endpoint, posting feedback, waiting for the log.</summary>
internal sealed class MonitoringTraffic(MonitoringServerFixture fixture)
{
    private const int BatchSize = 50;

    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public async Task<string> CreateDeploymentAsync(string prefix)
    {
        var name = UniqueName(prefix);
        var (status, body) = await fixture.Server.PostAsync("/api/v1/deployments", new
        {
            name,
            variants = new object[] { new { name = "main", model = fixture.Model, version = 1, weight = 100 } },
        });
        Assert.True(status == 201, body.ToString());
        return name;
    }

    /// <summary>Sends the rows in batches of 50 (request ids <c>{prefix}{batch}/{row}</c>) and returns the predicted label by request id.</summary>
    public async Task<Dictionary<string, string>> SendAsync(string deployment, string prefix, IReadOnlyList<WeatherRow> rows)
    {
        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var b = 0; b * BatchSize < rows.Count; b++)
        {
            var batch = rows.Skip(b * BatchSize).Take(BatchSize).ToList();
            var id = prefix + b;
            var records = batch.Select(r => new Dictionary<string, double>
            {
                ["precipitation"] = r.Values[0], ["temp_max"] = r.Values[1], ["temp_min"] = r.Values[2], ["wind"] = r.Values[3],
            }).ToList();
            using var response = await fixture.Server.Http.PostAsJsonAsync($"/api/v1/deployments/{deployment}/predict", new { id, records });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.IsSuccessStatusCode, body.ToString());
            var predictions = body.GetProperty("predictions").EnumerateArray().ToList();
            for (var i = 0; i < predictions.Count; i++)
            {
                predicted[batch.Count == 1 ? id : $"{id}/{i}"] = predictions[i].GetProperty("label").GetString()!;
            }
        }

        return predicted;
    }

    public async Task PostFeedbackAsync(string deployment, IReadOnlyDictionary<string, string> actualById)
    {
        var (status, body) = await fixture.Server.PostAsync($"/api/v1/deployments/{deployment}/feedback", new
        {
            feedback = actualById.Select(kv => new { request_id = kv.Key, actual = kv.Value }).ToArray(),
        });
        Assert.True(status == 200, body.ToString());
    }

    /// <summary>Polls the prediction log (written about once a second) until it holds <paramref name="rows"/> records of the deployment.</summary>
    public async Task WaitForLogAsync(string deployment, int rows)
    {
        var reader = fixture.Server.Services.GetRequiredService<PredictionLogReader>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var log = await reader.ReadAsync(new PredictionLogQuery { Deployment = deployment, Features = [], Outputs = PredictionOutputs.None }, CancellationToken.None);
            if (log.RowCount >= rows)
            {
                Assert.Equal(rows, log.RowCount);
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the prediction log holds {log.RowCount} of {rows} records after 30 s");
            await Task.Delay(100);
        }
    }
}
