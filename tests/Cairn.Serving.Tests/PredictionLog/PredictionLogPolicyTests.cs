using Cairn.Serving.PredictionLog;

namespace Cairn.Serving.Tests.PredictionLog;

public sealed class PredictionLogPolicyTests
{
    private static readonly long Day1 = PredictionLogHarness.Ms(2026, 3, 1, 10);

    [Fact]
    public async Task Sampling_AtThirtyPercent_KeepsAboutThirtyPercentAndShadowsFollowTheirRequest()
    {
        await using var log = new PredictionLogHarness(o => o.SampleRate = 0.3);
        const int n = 20_000;
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var id = Guid.NewGuid().ToString("N");
            var live = log.Log.TryRecord(PredictionLogHarness.Record(id, Day1));
            var shadow = log.Log.TryRecord(PredictionLogHarness.Record(id, Day1, variant: "green", shadow: true));
            Assert.Equal(live, shadow);
            kept += live ? 1 : 0;
        }

        // Binomial sd is 0.0032 at n = 20,000; 0.015 is more than 4.5 sd.
        Assert.InRange(kept / (double)n, 0.285, 0.315);
        Assert.Equal(2L * (n - kept), log.Log.Stats.NotSampled);
        Assert.Equal(2 * kept, log.Log.Stats.QueueDepth);
    }

    [Fact]
    public async Task Sampling_PerDeploymentOverride_ReplacesTheGlobalRate()
    {
        await using var log = new PredictionLogHarness(o =>
        {
            o.SampleRate = 0;
            o.Deployments["weather"] = new DeploymentPredictionLogOptions { SampleRate = 1 };
        });

        Assert.True(log.Log.TryRecord(PredictionLogHarness.Record("a", Day1, deployment: "weather")));
        Assert.False(log.Log.TryRecord(PredictionLogHarness.Record("a", Day1, deployment: "other")));
        Assert.Equal(1, log.Log.Stats.NotSampled);
    }

    [Fact]
    public async Task Disabled_RecordsNothing()
    {
        await using var log = new PredictionLogHarness(o => o.Enabled = false);

        Assert.False(log.Log.TryRecord(PredictionLogHarness.Record("a", Day1)));
        Assert.Equal(new Core.Serving.PredictionLogStats(0, 0, 0, 1), log.Log.Stats);
    }

    [Fact]
    public async Task Redaction_DropsGlobalAndPerDeploymentFieldsIgnoringCase()
    {
        await using var log = new PredictionLogHarness(o =>
        {
            o.RedactFields = ["email"];
            o.Deployments["weather"] = new DeploymentPredictionLogOptions { RedactFields = ["ssn"] };
        });
        await log.StartAsync();
        var inputs = new Dictionary<string, object?> { ["x"] = 2.0, ["Email"] = "a@b.c", ["ssn"] = "123" };
        log.Log.TryRecord(PredictionLogHarness.Record("a", Day1, deployment: "weather", inputs: inputs));
        log.Log.TryRecord(PredictionLogHarness.Record("b", Day1, deployment: "other", inputs: inputs));
        await log.StopAsync();

        var weather = await log.ReadAllAsync("weather");
        var other = await log.ReadAllAsync("other");
        Assert.Equal(["x"], weather.Features.Columns.Select(c => c.Name));
        Assert.Equal(["x", "ssn"], other.Features.Columns.Select(c => c.Name));
        Assert.Equal("123", other.Features["ssn"].Strings![0]);
        Assert.DoesNotContain(log.Files(), f => File.ReadAllText(f).Contains("a@b.c", StringComparison.Ordinal));
    }

    [Fact]
    public void Sampler_IsDeterministicAndUniform()
    {
        Assert.Equal(PredictionSampler.Unit("request-1"), PredictionSampler.Unit("request-1"));
        var buckets = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            buckets[(int)(PredictionSampler.Unit($"req-{i}") * 10)]++;
        }

        Assert.All(buckets, b => Assert.InRange(b, 9_500, 10_500));
    }

    [Theory]
    [InlineData(1.5, "SampleRate must be between 0 and 1")]
    [InlineData(-0.1, "SampleRate must be between 0 and 1")]
    public void Validator_RejectsRatesOutsideZeroToOne(double rate, string message)
    {
        var result = new PredictionLogOptionsValidator().Validate(null, new PredictionLogOptions { SampleRate = rate, Capacity = 0 });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Capacity must be at least 1", result.FailureMessage, StringComparison.Ordinal);
    }
}
