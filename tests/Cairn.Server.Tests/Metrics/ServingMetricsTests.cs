using Cairn.Core.Serving;
using Cairn.Serving.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Metrics;

public sealed class ServingMetricsTests
{
    [Fact]
    public void RecordRequest_FromManyThreads_CountsEveryRequestExactly()
    {
        var metrics = new ServingMetrics();
        const int threads = 8;
        const int perThread = 50_000;

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var i = 0; i < perThread; i++)
            {
                // Two series, hit from every thread at once, with latencies across the buckets.
                metrics.RecordRequest("churn", i % 2 == 0 ? "a" : "b", "oip", 200, (i % 100) * 0.0001);
            }
        });

        var families = Scrape(metrics);
        var counts = families["cairn_requests_total"].Samples;
        Assert.Equal(2, counts.Count);
        Assert.All(counts, s => Assert.Equal(threads * perThread / 2, s.Value));
        var histogramCounts = families["cairn_request_duration_seconds"].Samples.Where(s => s.Name.EndsWith("_count", StringComparison.Ordinal));
        Assert.All(histogramCounts, s => Assert.Equal(threads * perThread / 2, s.Value));

        // The sum is kept in integer nanoseconds, so it is exact: per thread and series, 25,000 values of (i % 100) * 100 µs.
        var sum = families["cairn_request_duration_seconds"].Samples.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal) && s["variant"] == "a");
        var expected = threads * Enumerable.Range(0, perThread).Where(i => i % 2 == 0).Sum(i => (long)((i % 100) * 0.0001 * 1e9)) / 1e9;
        Assert.Equal(expected, sum.Value, 6);
    }

    [Fact]
    public void RecordRequest_AfterWarmUp_DoesNotAllocatePerCall()
    {
        var metrics = new ServingMetrics();

        // Warm up past tiered compilation, which may allocate once while methods are being promoted.
        for (var i = 0; i < 2_000; i++)
        {
            metrics.RecordRequest("churn", "champion", "oip", 200, 0.001);
            metrics.RecordShadow("churn", "challenger", succeeded: true, 0.001);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            metrics.RecordRequest("churn", "champion", "oip", 200, i * 1e-6);
            metrics.RecordShadow("churn", "challenger", succeeded: true, i * 1e-6);
        }

        // 20,000 recordings: any per-call allocation would be hundreds of kilobytes; the runtime may still
        // allocate a few bytes once if a method is promoted to optimized code during the loop.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1024, $"{allocated} bytes allocated by 20,000 recordings");
    }

    [Fact]
    public void Histogram_BucketsAreCumulativeAndEndWithInfEqualToCount()
    {
        var metrics = new ServingMetrics();
        double[] latencies = [0.00005, 0.0001, 0.0002, 0.0007, 0.003, 0.04, 0.3, 2, 7, 11, 60];
        foreach (var seconds in latencies)
        {
            metrics.RecordRequest("d", "v", "records", 200, seconds);
        }

        var buckets = Scrape(metrics)["cairn_request_duration_seconds"].Samples
            .Where(s => s.Name == "cairn_request_duration_seconds_bucket").ToList();

        Assert.Equal(LatencyHistogram.Bounds.Length + 1, buckets.Count);
        Assert.Equal("0.0001", buckets[0]["le"]);
        Assert.Equal("+Inf", buckets[^1]["le"]);
        for (var i = 1; i < buckets.Count; i++)
        {
            Assert.True(buckets[i].Value >= buckets[i - 1].Value, $"bucket le={buckets[i]["le"]} is below the previous one");
        }

        // le is inclusive: 0.0001 falls in the first bucket with 0.00005.
        Assert.Equal(2, buckets[0].Value);
        foreach (var bucket in buckets.Take(buckets.Count - 1))
        {
            var bound = double.Parse(bucket["le"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(latencies.Count(l => l <= bound), bucket.Value);
        }

        Assert.Equal(latencies.Length, buckets[^1].Value);
    }

    [Fact]
    public void Exposition_EscapesBackslashQuoteAndNewlineInLabelValues()
    {
        var metrics = new ServingMetrics();
        const string deployment = "we\"ird\\na\nme";
        metrics.RecordRequest(deployment, "v1", "oip", 400, 0.001);

        var text = Expose(metrics);

        Assert.Contains("cairn_requests_total{deployment=\"we\\\"ird\\\\na\\nme\",variant=\"v1\",protocol=\"oip\",code=\"400\"} 1\n", text, StringComparison.Ordinal);
        var sample = PrometheusText.Parse(text)["cairn_requests_total"].Samples.Single();
        Assert.Equal(deployment, sample["deployment"]);
    }

    [Fact]
    public void Exposition_WritesExactLinesForACounterAndAHistogram()
    {
        var metrics = new ServingMetrics();
        metrics.RecordRequest("churn", "champion", "oip", 200, 0.0003);

        var lines = Expose(metrics).Split('\n');

        Assert.Contains("# TYPE cairn_requests_total counter", lines);
        Assert.Contains("cairn_requests_total{deployment=\"churn\",variant=\"champion\",protocol=\"oip\",code=\"200\"} 1", lines);
        Assert.Contains("# TYPE cairn_request_duration_seconds histogram", lines);
        Assert.Contains("cairn_request_duration_seconds_bucket{deployment=\"churn\",variant=\"champion\",protocol=\"oip\",code=\"200\",le=\"0.00025\"} 0", lines);
        Assert.Contains("cairn_request_duration_seconds_bucket{deployment=\"churn\",variant=\"champion\",protocol=\"oip\",code=\"200\",le=\"0.0005\"} 1", lines);
        Assert.Contains("cairn_request_duration_seconds_bucket{deployment=\"churn\",variant=\"champion\",protocol=\"oip\",code=\"200\",le=\"+Inf\"} 1", lines);
        Assert.Contains("cairn_request_duration_seconds_sum{deployment=\"churn\",variant=\"champion\",protocol=\"oip\",code=\"200\"} 0.0003", lines);
        Assert.Contains("cairn_request_duration_seconds_count{deployment=\"churn\",variant=\"champion\",protocol=\"oip\",code=\"200\"} 1", lines);
    }

    [Fact]
    public void StatusCodesProtocolsAndShadows_AreSeparateSeries()
    {
        var metrics = new ServingMetrics();
        metrics.RecordRequest("d", "v", "oip", 200, 0.001);
        metrics.RecordRequest("d", "v", "oip", 200, 0.001);
        metrics.RecordRequest("d", "v", "oip", 422, 0.001);
        metrics.RecordRequest("d", "v", "records", 200, 0.001);
        metrics.RecordShadow("d", "challenger", succeeded: true, 0.002);
        metrics.RecordShadow("d", "challenger", succeeded: false, 0.002);

        var families = Scrape(metrics);

        var requests = families["cairn_requests_total"].Samples;
        Assert.Equal(2, requests.Single(s => s["code"] == "200" && s["protocol"] == "oip").Value);
        Assert.Equal(1, requests.Single(s => s["code"] == "422").Value);
        Assert.Equal(1, requests.Single(s => s["protocol"] == "records").Value);
        var shadows = families["cairn_shadow_requests_total"].Samples;
        Assert.Equal(1, shadows.Single(s => s["outcome"] == "success").Value);
        Assert.Equal(1, shadows.Single(s => s["outcome"] == "failure").Value);
        Assert.Equal("histogram", families["cairn_shadow_duration_seconds"].Type);
    }

    [Fact]
    public void ModelLoadsAndPredictionLogStats_AreExposedAsGaugesAndCounters()
    {
        var metrics = new ServingMetrics();
        metrics.RecordModelLoad("weather", 3, 1.5);
        metrics.RecordModelLoad("weather", 3, 0.25);

        var families = Scrape(metrics, new PredictionLogStats(QueueDepth: 7, Written: 1000, Dropped: 2, NotSampled: 5), loadedModels: 1);

        var load = families["cairn_model_load_seconds"];
        Assert.Equal("gauge", load.Type);
        Assert.Equal(0.25, load.Samples.Single(s => s["model"] == "weather" && s["version"] == "3").Value);
        Assert.Equal(2, families["cairn_model_loads_total"].Samples.Single().Value);
        Assert.Equal(1, families["cairn_loaded_models"].Samples.Single().Value);
        Assert.Equal(7, families["cairn_prediction_log_queue_depth"].Samples.Single().Value);
        Assert.Equal("gauge", families["cairn_prediction_log_queue_depth"].Type);
        Assert.Equal(1000, families["cairn_prediction_log_written_total"].Samples.Single().Value);
        Assert.Equal(2, families["cairn_prediction_log_dropped_total"].Samples.Single().Value);
        Assert.Equal(5, families["cairn_prediction_log_not_sampled_total"].Samples.Single().Value);
    }

    [Fact]
    public void WithoutAPredictionLog_ItsFamiliesAreAbsent()
    {
        var families = Scrape(new ServingMetrics());

        Assert.DoesNotContain("cairn_prediction_log_queue_depth", families.Keys);
        Assert.Empty(families["cairn_requests_total"].Samples);
    }

    [Fact]
    public void LabelSetsBeyondTheBound_AreFoldedIntoTheOverflowSeries()
    {
        var metrics = new ServingMetrics();
        for (var i = 0; i < ServingMetrics.MaxSeries + 50; i++)
        {
            metrics.RecordRequest($"d{i}", "v", "oip", 404, 0.0001);
        }

        var requests = Scrape(metrics)["cairn_requests_total"].Samples;

        Assert.Equal(ServingMetrics.MaxSeries + 1, requests.Count);
        Assert.Equal(50, requests.Single(s => s["deployment"] == ServingMetrics.OverflowLabel).Value);
        Assert.Equal(ServingMetrics.MaxSeries + 50, requests.Sum(s => s.Value));
    }

    [Fact]
    public void AddServingMetrics_ReplacesADefaultRegisteredBefore()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IServingMetrics, DiscardingMetrics>();

        services.AddServingMetrics();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<ServingMetrics>(provider.GetRequiredService<IServingMetrics>());
        Assert.Single(services, d => d.ServiceType == typeof(IServingMetrics));
    }

    [Theory]
    [InlineData(0.0001, 0)]
    [InlineData(0.00010001, 1)]
    [InlineData(10, 15)]
    [InlineData(10.5, 16)]
    [InlineData(-1, 0)]
    public void BucketOf_UsesInclusiveUpperBounds(double seconds, int bucket) =>
        Assert.Equal(bucket, LatencyHistogram.BucketOf(Math.Max(seconds, 0)));

    private static string Expose(ServingMetrics metrics, PredictionLogStats? stats = null, int? loadedModels = null)
    {
        var writer = new PrometheusTextWriter();
        metrics.WriteTo(writer, stats, loadedModels);
        return writer.ToString();
    }

    private static Dictionary<string, PrometheusText.Family> Scrape(ServingMetrics metrics, PredictionLogStats? stats = null, int? loadedModels = null) =>
        PrometheusText.Parse(Expose(metrics, stats, loadedModels));

    private sealed class DiscardingMetrics : IServingMetrics
    {
        public void RecordRequest(string deployment, string variant, string protocol, int statusCode, double seconds)
        {
        }

        public void RecordShadow(string deployment, string variant, bool succeeded, double seconds)
        {
        }

        public void RecordModelLoad(string model, long version, double seconds)
        {
        }
    }
}
