using Cairn.Server.Ui.Pages.Deployments;
using Cairn.Serving.Metrics;

namespace Cairn.Server.Tests.Ui.Deployments;

public sealed class LiveTrafficTests
{
    /// <summary>Index of the (0.5 ms, 1 ms] latency bucket.</summary>
    private static readonly int Bucket1Ms = Array.IndexOf(LatencyHistogram.Bounds, 0.001);

    private static VariantTraffic Traffic(long requests, long errors = 0, int bucket = -1)
    {
        var buckets = new long[LatencyHistogram.Bounds.Length + 1];
        buckets[bucket < 0 ? Bucket1Ms : bucket] = requests;
        return new VariantTraffic(requests, errors, buckets);
    }

    private static Dictionary<string, VariantTraffic> Counters(params (string Variant, VariantTraffic Traffic)[] variants) =>
        variants.ToDictionary(v => v.Variant, v => v.Traffic, StringComparer.Ordinal);

    [Fact]
    public void Figures_BeforeAnyCopy_ListTheDeploymentsVariantsWithoutNumbers()
    {
        var live = new LiveTraffic(TimeSpan.FromSeconds(30), 10);

        var rows = live.Figures(["champion", "canary"]);

        Assert.Equal(["champion", "canary"], rows.Select(r => r.Variant));
        Assert.All(rows, r => Assert.True(r.TotalRequests == 0 && r.RequestsPerSecond is null && r.P99Ms is null));
    }

    [Fact]
    public void Figures_OfTwoCopies_AreTheRateErrorsAndPercentilesOfTheDifference()
    {
        var live = new LiveTraffic(TimeSpan.FromSeconds(30), 10);
        live.Add(1_000, Counters(("main", Traffic(10))));
        live.Add(3_000, Counters(("main", Traffic(30, errors: 2))));

        var main = Assert.Single(live.Figures(["main"]));

        Assert.Equal(30, main.TotalRequests);
        Assert.Equal(2, main.TotalErrors);
        Assert.Equal(20, main.WindowRequests);
        Assert.Equal(10.0, main.RequestsPerSecond);
        Assert.Equal(0.1, main.ErrorRate);

        // All 20 new requests sit in (0.5 ms, 1 ms]: the p99 is interpolated within it, as histogram_quantile does.
        Assert.Equal(0.5 + (0.5 * 19.8 / 20), main.P99Ms!.Value, 6);
        Assert.Equal(0.5 + (0.5 * 10 / 20), main.P50Ms!.Value, 6);
    }

    [Fact]
    public void Figures_AfterTheWindowPassesWithoutTraffic_ShowNoRateAndNoPercentiles()
    {
        var live = new LiveTraffic(TimeSpan.FromSeconds(30), 10);
        live.Add(0, Counters(("main", Traffic(0))));
        live.Add(10_000, Counters(("main", Traffic(100))));
        live.Add(50_000, Counters(("main", Traffic(100))));

        var main = Assert.Single(live.Figures(["main"]));

        Assert.Equal(100, main.TotalRequests);
        Assert.Equal(0, main.WindowRequests);
        Assert.Equal(0.0, main.RequestsPerSecond);
        Assert.Null(main.P99Ms);
        Assert.Null(main.ErrorRate);
    }

    [Fact]
    public void Figures_ListAVariantThatLeftTheDeployment_AfterItsCurrentVariants()
    {
        var live = new LiveTraffic(TimeSpan.FromSeconds(30), 10);
        live.Add(0, Counters(("canary-2", Traffic(5)), ("canary", Traffic(50))));

        Assert.Equal(["canary", "canary-2"], live.Figures(["canary"]).Select(r => r.Variant));
    }

    [Fact]
    public void History_HoldsTheRateBetweenCopies_AndKeepsOnlyTheNewestPoints()
    {
        var live = new LiveTraffic(TimeSpan.FromSeconds(30), maxHistory: 3);
        for (var i = 0; i <= 5; i++)
        {
            live.Add(i * 2_000L, Counters(("main", Traffic(i * i * 10))));
        }

        var history = live.History;

        Assert.Equal([6_000L, 8_000L, 10_000L], history.Select(p => p.AtMs));

        // Between 8 s (160 requests) and 10 s (250 requests): 45 per second.
        Assert.Equal(45.0, history[^1].Rates["main"]);
    }

    [Fact]
    public void Add_ACopyOlderThanThePrevious_IsRefused()
    {
        var live = new LiveTraffic(TimeSpan.FromSeconds(30), 10);
        live.Add(5_000, Counters());

        Assert.Throws<ArgumentOutOfRangeException>(() => live.Add(4_000, Counters()));
    }
}
