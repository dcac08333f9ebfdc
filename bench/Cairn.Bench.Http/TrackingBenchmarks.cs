using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cairn.Bench.Http;

/// <summary>The issue's three tracking targets, each beside a baseline measured in the same run.</summary>
internal static class TrackingBenchmarks
{
    private const string Api = "/api/2.0/mlflow/";

    public static async Task<List<BenchResult>> RunAsync(BenchServer server, string backend, bool quick)
    {
        var http = server.Http;
        var results = new List<BenchResult>();
        var n = quick ? 2_000 : 10_000;

        // Baseline: the cheapest request this server answers, i.e. the HTTP stack's ceiling for one client.
        var health = await RateAsync(n, _ => http.GetAsync("/health"));
        Console.Error.WriteLine($"[{backend}] GET /health: {health:N0} req/s");

        var runId = await CreateRunAsync(http, "bench-log-metric");
        var logMetric = await RateAsync(n, i => Post(http, "runs/log-metric",
            $$"""{"run_id":"{{runId}}","key":"loss","value":{{(1.0 / (i + 1)).ToString("R", CultureInfo.InvariantCulture)}},"timestamp":{{1_700_000_000_000 + i}},"step":{{i}}}"""));
        Console.Error.WriteLine($"[{backend}] log-metric: {logMetric:N0} req/s");
        results.Add(new BenchResult(backend, "sequential `runs/log-metric`", logMetric, "req/s", "≥ 2,000 req/s (MLflow: 58–88)",
            "`GET /health`", health, $"{logMetric / health:P0} of the HTTP ceiling; {logMetric / 88:N0}× MLflow's best"));

        // log-batch: 1,000 metrics per request vs the same metrics sent as single log-metric calls.
        var batchRun = await CreateRunAsync(http, "bench-log-batch");
        var batches = quick ? 50 : 200;
        var bodies = Enumerable.Range(0, batches * 2).Select(b => BatchBody(batchRun, b)).ToList();
        var batchRate = await RateAsync(batches, i => Post(http, "runs/log-batch", bodies[i])) * 1000;
        Console.Error.WriteLine($"[{backend}] log-batch: {batchRate:N0} metrics/s");
        results.Add(new BenchResult(backend, "`runs/log-batch`, 1,000 metrics each", batchRate, "metrics/s", "≥ 200,000 metrics/s (MLflow: 6,300–7,700)",
            "same metrics via single log-metric", logMetric, $"{batchRate / logMetric:N0}× faster than one call per metric"));

        // Search: 10,000 runs with a metric and a param each.
        var (experimentId, created) = await SeedRunsAsync(http, quick ? 2_000 : 10_000);
        Console.Error.WriteLine($"[{backend}] seeded {created} runs");
        foreach (var pageSize in new[] { 100, 1000 })
        {
            var filtered = await LatencyP50Async(30, () => Post(http, "runs/search",
                $$"""{"experiment_ids":["{{experimentId}}"],"filter":"metrics.acc > 0.5 and params.model = 'lgbm'","order_by":["metrics.acc DESC"],"max_results":{{pageSize}}}"""));
            var plain = await LatencyP50Async(30, () => Post(http, "runs/search",
                $$"""{"experiment_ids":["{{experimentId}}"],"max_results":{{pageSize}}}"""));
            Console.Error.WriteLine($"[{backend}] search page {pageSize}: p50 {filtered:N1} ms (unfiltered {plain:N1} ms)");
            results.Add(new BenchResult(backend, $"`runs/search` over {created:N0} runs, metric+param filter, order_by metric, page of {pageSize}",
                filtered, "ms p50", "≤ 50 ms p50", "same page, no filter/order", plain, $"{filtered / plain:N2}×"));
        }

        return results;
    }

    private static async Task<(string ExperimentId, int Count)> SeedRunsAsync(HttpClient http, int count)
    {
        var experiment = await Json(await Post(http, "experiments/create", $$"""{"name":"bench-search-{{Guid.NewGuid():N}}"}"""));
        var experimentId = experiment.GetProperty("experiment_id").GetString()!;
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            var run = await Json(await Post(http, "runs/create", $$"""{"experiment_id":"{{experimentId}}","start_time":{{1_700_000_000_000 + i}}}"""));
            var runId = run.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString();
            var acc = random.NextDouble().ToString("R", CultureInfo.InvariantCulture);
            var model = i % 2 == 0 ? "lgbm" : "sdca";
            (await Post(http, "runs/log-batch",
                $$"""{"run_id":"{{runId}}","metrics":[{"key":"acc","value":{{acc}},"timestamp":1,"step":0},{"key":"loss","value":{{acc}},"timestamp":1,"step":0}],"params":[{"key":"model","value":"{{model}}"},{"key":"lr","value":"0.1"}],"tags":[{"key":"team","value":"bench"}]}""")).EnsureSuccessStatusCode();
        }

        return (experimentId, count);
    }

    private static string BatchBody(string runId, int batch)
    {
        var sb = new StringBuilder($$"""{"run_id":"{{runId}}","metrics":[""");
        for (var i = 0; i < 1000; i++)
        {
            var step = (batch * 1000) + i;
            sb.Append(CultureInfo.InvariantCulture, $$"""{"key":"m{{i % 10}}","value":{{step * 0.001}},"timestamp":{{1_700_000_000_000 + step}},"step":{{step}}}""");
            sb.Append(i < 999 ? "," : "]}");
        }

        return sb.ToString();
    }

    private static async Task<string> CreateRunAsync(HttpClient http, string name)
    {
        var experiment = await Json(await Post(http, "experiments/create", $$"""{"name":"{{name}}-{{Guid.NewGuid():N}}"}"""));
        var run = await Json(await Post(http, "runs/create", $$"""{"experiment_id":"{{experiment.GetProperty("experiment_id").GetString()}}"}"""));
        return run.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
    }

    /// <summary>Requests per second of <paramref name="count"/> sequential calls, after a 10% warm-up.</summary>
    private static async Task<double> RateAsync(int count, Func<int, Task<HttpResponseMessage>> call)
    {
        for (var i = 0; i < Math.Max(50, count / 10); i++)
        {
            (await call(count + i)).Dispose();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var response = await call(i);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"request {i} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await response.Content.CopyToAsync(Stream.Null);
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> LatencyP50Async(int count, Func<Task<HttpResponseMessage>> call)
    {
        for (var i = 0; i < 3; i++)
        {
            (await call()).Dispose();
        }

        var samples = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await call();
            await response.Content.CopyToAsync(Stream.Null);
            samples.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string path, string json) =>
        http.PostAsync(Api + path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
