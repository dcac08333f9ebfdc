using Cairn.Testing;

namespace Cairn.Ui.Tests.Compare;

/// <summary>
/// A small hyper-parameter sweep logged through the MLflow API for the compare tests: three runs with a
/// numeric param (lr), a categorical one (optimizer), one that is the same everywhere (epochs), a loss
/// curve over five steps and a final accuracy. Created once per test class (names are unique).
/// </summary>
public sealed record CompareSweep(string ExperimentId, IReadOnlyList<string> RunIds)
{
    public static async Task<CompareSweep> CreateAsync(HttpClient http)
    {
        var experiment = await http.PostOkAsync("experiments/create", new { name = "sweep-" + Guid.NewGuid().ToString("N")[..8] });
        var experimentId = experiment.GetProperty("experiment_id").GetString()!;
        var settings = new[] { ("0.1", "adam", 0.9), ("0.01", "sgd", 0.7), ("0.001", "adam", 0.5) };
        var ids = new List<string>();
        for (var i = 0; i < settings.Length; i++)
        {
            var (lr, optimizer, decay) = settings[i];
            var run = await http.PostOkAsync("runs/create", new { experiment_id = experimentId, run_name = $"sweep-{i}", start_time = 1_700_000_000_000L + i });
            var runId = run.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
            var losses = Enumerable.Range(0, 5).Select(step => new { key = "loss", value = Math.Pow(decay, step), timestamp = 1_700_000_000_000L + step, step = (long)step });
            await http.PostOkAsync("runs/log-batch", new
            {
                run_id = runId,
                @params = new[] { new { key = "lr", value = lr }, new { key = "optimizer", value = optimizer }, new { key = "epochs", value = "5" } },
                metrics = losses.Append(new { key = "accuracy", value = 0.6 + (0.1 * i), timestamp = 1_700_000_000_010L, step = 0L }).ToArray(),
            });
            await http.PostOkAsync("runs/update", new { run_id = runId, status = "FINISHED", end_time = 1_700_000_060_000L });
            ids.Add(runId);
        }

        return new CompareSweep(experimentId, ids);
    }
}
