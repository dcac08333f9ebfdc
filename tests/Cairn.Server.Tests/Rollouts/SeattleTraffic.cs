using System.Globalization;
using System.Net.Http.Json;
using Cairn.Testing;
using Cairn.Testing.Deployments;

namespace Cairn.Server.Tests.Rollouts;

/// <summary>
/// Real traffic for a deployment of the seattle models: rows of the example's CSV (after the 400 the models
/// were trained on) sent as predictions, and their true weather sent back as feedback.
/// </summary>
internal static class SeattleTraffic
{
    private static readonly Lazy<string[][]> Rows = new(() =>
        [.. File.ReadLines(Repository.SeattleWeatherCsv).Skip(1 + 400).Where(l => l.Length > 0).Select(l => l.Split(','))]);

    /// <summary>Sends <paramref name="count"/> predictions starting at row <paramref name="offset"/>, then their feedback.</summary>
    public static async Task SendAsync(DeploymentsServerFixture server, string deployment, string prefix, int offset, int count)
    {
        var feedback = new List<object>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var row = Rows.Value[(offset + i) % Rows.Value.Length];
            var id = $"{prefix}-{i}";
            var (status, body) = await server.PostAsync($"/api/v1/deployments/{deployment}/predict", new
            {
                id,
                records = new[]
                {
                    new { precipitation = Number(row[1]), temp_max = Number(row[2]), temp_min = Number(row[3]), wind = Number(row[4]) },
                },
            });
            Assert.True(status == 200, body.ToString());
            lock (feedback)
            {
                feedback.Add(new { request_id = id, actual = row[5] });
            }
        });

        foreach (var batch in feedback.Chunk(100))
        {
            var (status, body) = await server.PostAsync($"/api/v1/deployments/{deployment}/feedback", new { feedback = batch });
            Assert.True(status == 200, body.ToString());
        }
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
