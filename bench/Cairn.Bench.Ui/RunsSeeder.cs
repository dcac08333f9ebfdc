using System.Diagnostics;
using Cairn.Core;
using Cairn.Core.Tracking;

namespace Cairn.Bench.Ui;

/// <summary>
/// Fills one experiment with runs through the tracking service (what the API calls): 3 params, 4 final metrics
/// and a 10-step loss history per run, so the table has real columns and the store real history rows.
/// </summary>
internal static class RunsSeeder
{
    private static readonly string[] Models = ["lgbm", "linear", "forest", "knn"];

    public static async Task<string> SeedAsync(UiBenchServer server, int count)
    {
        var watch = Stopwatch.StartNew();
        var tracking = server.Tracking;
        var experimentId = await tracking.CreateExperimentAsync("bench-" + Guid.NewGuid().ToString("N")[..8], null, [], CancellationToken.None);
        var random = new Random(42);
        const long start = 1_750_000_000_000;
        for (var i = 0; i < count; i++)
        {
            var run = await tracking.CreateRunAsync(new NewRun { ExperimentId = experimentId, RunName = $"run-{i:00000}", StartTime = start + (i * 1000L) }, CancellationToken.None);
            var id = run.Info.RunId;
            var acc = random.NextDouble();
            var metrics = new List<Metric>
            {
                new("acc", acc, start, 0),
                new("f1", acc * 0.9, start, 0),
                new("rmse", 1 - acc + (random.NextDouble() * 0.1), start, 0),
                new("train_rows", 500 + random.Next(100), start, 0),
            };
            metrics.AddRange(Enumerable.Range(0, 10).Select(step => new Metric("loss", 1.0 / (step + 1 + (acc * 3)), start + step, step)));
            await tracking.LogBatchAsync(new LogBatch(id, metrics,
            [
                new KeyValue("model", Models[i % Models.Length]),
                new KeyValue("lr", (0.01 * (1 + (i % 10))).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
                new KeyValue("depth", (3 + (i % 8)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ], []), CancellationToken.None);
            await tracking.UpdateRunAsync(new RunUpdate(id, RunStatus.Finished, start + (i * 1000L) + 500, null), CancellationToken.None);
            if ((i + 1) % 2000 == 0)
            {
                Console.Error.WriteLine($"seeded {i + 1} runs in {watch.Elapsed.TotalSeconds:0.0} s");
            }
        }

        return experimentId;
    }
}
