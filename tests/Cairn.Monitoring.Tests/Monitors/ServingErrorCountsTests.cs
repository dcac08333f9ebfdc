using Cairn.Monitoring.Monitors;
using Cairn.Serving.Metrics;

namespace Cairn.Monitoring.Tests.Monitors;

public sealed class ServingErrorCountsTests
{
    [Fact]
    public void Since_CountsFiveHundredsOfTheVariant_AndThenOnlyWhatCameAfterThePreviousRun()
    {
        var metrics = new ServingMetrics();
        var counts = new ServingErrorCounts(metrics);
        for (var i = 0; i < 8; i++)
        {
            metrics.RecordRequest("weather", "main", "v2", 200, 0.001);
        }

        metrics.RecordRequest("weather", "main", "v2", 500, 0.001);
        metrics.RecordRequest("weather", "main", "records", 503, 0.001);
        metrics.RecordRequest("weather", "canary", "v2", 500, 0.001);
        metrics.RecordRequest("other", "main", "v2", 500, 0.001);

        Assert.Equal((10L, 2L), counts.Since("weather", "main"));

        metrics.RecordRequest("weather", "main", "v2", 200, 0.001);
        metrics.RecordRequest("weather", "main", "v2", 500, 0.001);
        Assert.Equal((2L, 1L), counts.Since("weather", "main"));
        Assert.Equal((0L, 0L), counts.Since("weather", "main"));
        Assert.Equal((0L, 0L), counts.Since("weather", "unknown"));
    }
}
