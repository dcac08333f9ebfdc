using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Serving.PredictionLog;
using Cairn.Testing;
using Cairn.Testing.Deployments;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Cli.Tests.Monitor;

/// <summary>
/// A real server with a deployment of a weather classifier trained (with its training profile, the drift
/// reference) on the seattle-weather rows of 2012–2013, which then served the warmer rows of 2014–2015 with
/// feedback for every prediction.
/// </summary>
public sealed class MonitorRunFixture : IAsyncLifetime
{
    private static readonly string[] Numeric = ["precipitation", "temp_max", "temp_min", "wind"];

    public DeploymentsServerFixture Server { get; } = new();

    public string Deployment { get; } = "monitored-" + Guid.NewGuid().ToString("N")[..8];

    public int Served { get; private set; }

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        var rows = File.ReadLines(Repository.SeattleWeatherCsv).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var model = "profiled-" + Guid.NewGuid().ToString("N")[..8];
        await Server.RegisterAsync(model, await SeattleModels.ProfiledLightGbm2012To2013);
        var (status, body) = await Server.PostAsync("/api/v1/deployments", new
        {
            name = Deployment,
            variants = new object[] { new { name = "main", model, version = 1, weight = 100 } },
        });
        Assert.True(status == 201, body.ToString());

        // Summer days of 2015: warmer than the whole-year training data.
        var served = rows.Where(r => string.CompareOrdinal(r[0], "2015-06") >= 0 && string.CompareOrdinal(r[0], "2015-09") < 0).ToList();
        var feedback = new List<object>();
        for (var b = 0; b * 50 < served.Count; b++)
        {
            var batch = served.Skip(b * 50).Take(50).ToList();
            var records = batch.Select(r => Numeric.Select((n, i) => (n, double.Parse(r[i + 1], CultureInfo.InvariantCulture))).ToDictionary(x => x.n, x => x.Item2)).ToList();
            using var response = await Server.Http.PostAsJsonAsync($"/api/v1/deployments/{Deployment}/predict", new { id = $"b{b}", records });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            feedback.AddRange(batch.Select((r, i) => new { request_id = batch.Count == 1 ? $"b{b}" : $"b{b}/{i}", actual = r[5] }));
        }

        Served = served.Count;
        (status, body) = await Server.PostAsync($"/api/v1/deployments/{Deployment}/feedback", new { feedback });
        Assert.True(status == 200, body.ToString());
        await WaitForLogAsync();
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    private async Task WaitForLogAsync()
    {
        var reader = Server.Services.GetRequiredService<PredictionLogReader>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var log = await reader.ReadAsync(new PredictionLogQuery { Deployment = Deployment, Features = [], Outputs = PredictionOutputs.None }, CancellationToken.None);
            if (log.RowCount >= Served)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the prediction log holds {log.RowCount} of {Served} records after 30 s");
            await Task.Delay(100);
        }
    }
}
