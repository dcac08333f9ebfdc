using System.Collections.Concurrent;
using Cairn.Serving.Metrics;

namespace Cairn.Monitoring.Monitors;

/// <summary>
/// Requests and 5xx answers of a variant since the previous monitor run, from this process's serving
/// metrics. Failed requests never reach the prediction log (only answered predictions do), so the error
/// rate of a report comes from here: the first run of a variant counts everything since the process
/// started, later runs the difference from the previous one.
/// </summary>
public sealed class ServingErrorCounts(ServingMetrics metrics)
{
    private readonly ConcurrentDictionary<(string Deployment, string Variant), VariantTraffic> _previous = new();

    public (long Requests, long Errors) Since(string deployment, string variant)
    {
        var now = metrics.TrafficOf(deployment).GetValueOrDefault(variant) ?? VariantTraffic.Empty;
        var earlier = _previous.GetValueOrDefault((deployment, variant)) ?? VariantTraffic.Empty;
        _previous[(deployment, variant)] = now;
        var delta = now.Minus(earlier);
        return (delta.Requests, delta.Errors);
    }
}
