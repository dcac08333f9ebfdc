using System.Collections.Concurrent;

namespace Cairn.Serving.Metrics;

/// <summary>
/// The serving metrics of this process, recorded lock-free: each label set owns a cell (a histogram whose
/// +Inf bucket is also the request counter) found in a concurrent dictionary keyed by a struct, so after
/// a label set's first request a recording is one dictionary read and two atomic adds, with no allocation.
/// Exposed in the Prometheus text format by <see cref="WriteTo"/>.
/// </summary>
public sealed partial class ServingMetrics : IServingMetrics
{
    /// <summary>
    /// The most label sets kept per metric. Names reaching here come from the router (existing deployments
    /// and variants), but a bound keeps a bug or a flood of unknown names from growing memory without end:
    /// beyond it, new label sets are counted under <see cref="OverflowLabel"/>.
    /// </summary>
    public const int MaxSeries = 10_000;

    /// <summary>The deployment and variant label of series counted after <see cref="MaxSeries"/> was reached.</summary>
    public const string OverflowLabel = "_overflow";

    private readonly ConcurrentDictionary<RequestKey, LatencyHistogram> _requests = new();
    private readonly ConcurrentDictionary<ShadowKey, LatencyHistogram> _shadows = new();
    private readonly ConcurrentDictionary<ModelKey, ModelLoad> _loads = new();

    public void RecordRequest(string deployment, string variant, string protocol, int statusCode, double seconds) =>
        CellOf(_requests, new RequestKey(deployment ?? "", variant ?? "", protocol ?? "", statusCode), static k => k with { Deployment = OverflowLabel, Variant = OverflowLabel })
            .Observe(seconds);

    public void RecordShadow(string deployment, string variant, bool succeeded, double seconds) =>
        CellOf(_shadows, new ShadowKey(deployment ?? "", variant ?? "", succeeded), static k => k with { Deployment = OverflowLabel, Variant = OverflowLabel })
            .Observe(seconds);

    public void RecordModelLoad(string model, long version, double seconds)
    {
        var key = new ModelKey(model ?? "", version);
        if (_loads.Count >= MaxSeries && !_loads.ContainsKey(key))
        {
            return;
        }

        var load = _loads.GetOrAdd(key, static _ => new ModelLoad());
        load.Record(seconds);
    }

    private static LatencyHistogram CellOf<TKey>(ConcurrentDictionary<TKey, LatencyHistogram> cells, TKey key, Func<TKey, TKey> overflow)
        where TKey : notnull
    {
        if (cells.TryGetValue(key, out var cell))
        {
            return cell;
        }

        if (cells.Count >= MaxSeries)
        {
            key = overflow(key);
        }

        return cells.GetOrAdd(key, static _ => new LatencyHistogram());
    }

    /// <summary>The last load time of a model version and how often it was loaded in this process.</summary>
    private sealed class ModelLoad
    {
        private long _lastNanoseconds;
        private long _count;

        public double LastSeconds => Volatile.Read(ref _lastNanoseconds) / 1e9;

        public long Count => Volatile.Read(ref _count);

        public void Record(double seconds)
        {
            Volatile.Write(ref _lastNanoseconds, double.IsNaN(seconds) || seconds < 0 ? 0 : (long)(Math.Min(seconds, 9e9) * 1e9));
            Interlocked.Increment(ref _count);
        }
    }
}
