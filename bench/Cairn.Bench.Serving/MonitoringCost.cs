using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cairn.Bench.Serving;

/// <summary>
/// Issue 5's target "monitoring runs must not reduce serving throughput by more than 5% while they run":
/// saturating OIP traffic (wrk) with and without monitor runs in the same server, in alternating rounds so
/// the machine's noise falls on both sides. A monitor run reads the last 10,000 predictions of the log,
/// tests every feature and the prediction against the training profile and joins feedback — started once a
/// second, far more often than a schedule would (the default is minutes).
/// </summary>
internal static class MonitoringCost
{
    private const int Rounds = 3;

    /// <summary>Predictions per monitor run (CAIRN_BENCH_MONITOR_LAST overrides the 10,000).</summary>
    private static readonly string Last = Environment.GetEnvironmentVariable("CAIRN_BENCH_MONITOR_LAST") ?? "10000";

    public static async Task<int> RunAsync(TimeSpan duration)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var work = Path.Combine(Path.GetTempPath(), "cairn-bench-monitoring-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            Console.Error.WriteLine("training the model ...");
            var model = await BenchModel.TrainAsync();
            var body = model.OipBody();
            await using var server = await ServerProcess.StartAsync(predictionLog: true);
            await ServingSetup.DeployAsync(server.Address, model);
            var infer = new Uri(server.Address, $"v2/models/{ServingSetup.Deployment}/infer");
            using var http = new HttpClient { BaseAddress = server.Address };
            // Warm-up: fills the log with more than one window and loads the reference profile once.
            await LoadTools.WrkAsync(infer, body, work, 2, 64, TimeSpan.FromSeconds(5));
            await MonitorAsync(http);
            var idle = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var run = Stopwatch.StartNew();
                await MonitorAsync(http);
                idle.Add(run.Elapsed.TotalMilliseconds);
            }

            idle.Sort();
            Console.Error.WriteLine($"monitor run without traffic: median {idle[idle.Count / 2]:F1} ms, min {idle[0]:F1} ms");

            var quiet = new List<double>();
            var monitored = new List<double>();
            var runMs = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                quiet.Add((await LoadTools.WrkAsync(infer, body, work, 2, 64, duration)).RequestsPerSecond);
                using var stop = new CancellationTokenSource();
                var monitors = Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var started = Stopwatch.StartNew();
                        await MonitorAsync(http);
                        runMs.Add(started.Elapsed.TotalMilliseconds);
                        var rest = TimeSpan.FromSeconds(1) - started.Elapsed;
                        if (rest > TimeSpan.Zero)
                        {
                            try { await Task.Delay(rest, stop.Token); } catch (OperationCanceledException) { }
                        }
                    }
                });
                monitored.Add((await LoadTools.WrkAsync(infer, body, work, 2, 64, duration)).RequestsPerSecond);
                await stop.CancelAsync();
                await monitors;
            }

            runMs.Sort();
            var cost = 1 - (monitored.Sum() / quiet.Sum());
            var row = new BenchRow(
                $"OIP infer at saturation (wrk -t2 -c64) while a monitor run starts every second (last {Last} predictions, all features + prediction + feedback), {Rounds} alternating rounds",
                $"one run without traffic {idle[idle.Count / 2]:F0} ms; {quiet.Average():N0} req/s without, {monitored.Average():N0} with: cost {cost:P1} (rounds {string.Join(" / ", quiet.Zip(monitored, (q, m) => (1 - (m / q)).ToString("P1", CultureInfo.InvariantCulture)))}); {runMs.Count} runs, median {runMs[runMs.Count / 2]:F0} ms",
                "≤ 5%");
            Console.WriteLine();
            Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine();
            Console.WriteLine(BenchRow.Markdown([row]));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task MonitorAsync(HttpClient http)
    {
        using var content = new StringContent($$"""{"last":{{Last}}}""", Encoding.UTF8, "application/json");
        using var answer = await http.PostAsync(new Uri($"api/v1/deployments/{ServingSetup.Deployment}/monitor", UriKind.Relative), content);
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The monitor run failed: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
    }
}
