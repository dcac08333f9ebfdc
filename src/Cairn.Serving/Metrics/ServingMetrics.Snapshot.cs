namespace Cairn.Serving.Metrics;

/// <summary>Per-variant traffic counters for in-process analysis (the canary analysis of a rollout).</summary>
public sealed partial class ServingMetrics
{
    /// <summary>
    /// The live requests of one deployment so far in this process, per variant (summed over protocols and
    /// status codes): a rollout keeps the copy taken when a step began and analyses the difference.
    /// </summary>
    public IReadOnlyDictionary<string, VariantTraffic> TrafficOf(string deployment)
    {
        var traffic = new Dictionary<string, VariantTraffic>(StringComparer.Ordinal);
        foreach (var (key, cell) in _requests)
        {
            if (key.Deployment != deployment)
            {
                continue;
            }

            var snapshot = cell.Snapshot();
            var buckets = new long[snapshot.Cumulative.Length];
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] = snapshot.Cumulative[i] - (i == 0 ? 0 : snapshot.Cumulative[i - 1]);
            }

            var counted = new VariantTraffic(snapshot.Count, key.Code >= 500 ? snapshot.Count : 0, buckets);
            traffic[key.Variant] = traffic.TryGetValue(key.Variant, out var earlier) ? earlier.Plus(counted) : counted;
        }

        return traffic;
    }
}

/// <summary>
/// Requests, 5xx answers and the latency histogram (a count per <see cref="LatencyHistogram.Bounds"/>
/// bucket, not cumulative; the last is +Inf) of one variant.
/// </summary>
public sealed record VariantTraffic(long Requests, long Errors, long[] Buckets)
{
    public static VariantTraffic Empty { get; } = new(0, 0, new long[LatencyHistogram.Bounds.Length + 1]);

    public VariantTraffic Plus(VariantTraffic other) =>
        new(Requests + other.Requests, Errors + other.Errors, [.. Buckets.Zip(other.Buckets, (a, b) => a + b)]);

    /// <summary>What happened after <paramref name="earlier"/> (counters only grow within a process).</summary>
    public VariantTraffic Minus(VariantTraffic earlier) =>
        new(Math.Max(0, Requests - earlier.Requests), Math.Max(0, Errors - earlier.Errors), [.. Buckets.Zip(earlier.Buckets, (a, b) => Math.Max(0, a - b))]);

    /// <summary>
    /// The <paramref name="q"/> quantile in seconds as Prometheus' <c>histogram_quantile</c> computes it
    /// (linear within the bucket; in the +Inf bucket, the highest finite bound); null without requests.
    /// </summary>
    public double? Quantile(double q)
    {
        var total = Buckets.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = q * total;
        long running = 0;
        var bounds = LatencyHistogram.Bounds;
        for (var i = 0; i < Buckets.Length; i++)
        {
            var before = running;
            running += Buckets[i];
            if (running >= rank && Buckets[i] > 0)
            {
                if (i == bounds.Length)
                {
                    return bounds[^1];
                }

                var lower = i == 0 ? 0 : bounds[i - 1];
                return lower + ((bounds[i] - lower) * ((rank - before) / Buckets[i]));
            }
        }

        return bounds[^1];
    }
}
