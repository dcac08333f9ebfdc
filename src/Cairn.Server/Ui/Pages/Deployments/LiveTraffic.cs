using Cairn.Serving.Metrics;

namespace Cairn.Server.Ui.Pages.Deployments;

/// <summary>
/// What the live panel shows, derived from successive copies of the server's serving counters of one
/// deployment: per variant the request rate and latency percentiles over a sliding window, the 5xx
/// answers, and a bounded history of points for the charts. The counters only grow within a process, so
/// the difference of two copies is what happened in between (the same arithmetic as a rollout's analysis).
/// </summary>
public sealed class LiveTraffic
{
    private readonly Queue<Sample> _samples = new();
    private readonly Queue<LivePoint> _history = new();
    private readonly long _windowMs;
    private readonly int _maxHistory;

    /// <param name="window">How far back rates and percentiles look (e.g. 30 s).</param>
    /// <param name="maxHistory">How many chart points are kept (one per sample).</param>
    public LiveTraffic(TimeSpan window, int maxHistory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHistory, 1);
        _windowMs = (long)window.TotalMilliseconds;
        _maxHistory = maxHistory;
    }

    public TimeSpan Window => TimeSpan.FromMilliseconds(_windowMs);

    /// <summary>When the newest copy was taken (UTC ms), 0 before the first.</summary>
    public long LastSampleAt => _samples.Count == 0 ? 0 : _samples.Last().AtMs;

    /// <summary>The chart points, oldest first: per variant the rate since the previous copy and the window's p99.</summary>
    public IReadOnlyList<LivePoint> History => [.. _history];

    /// <summary>Takes a copy of the counters taken at <paramref name="atMs"/> (UTC ms, not earlier than the previous one).</summary>
    public void Add(long atMs, IReadOnlyDictionary<string, VariantTraffic> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var previous = _samples.Count == 0 ? null : _samples.Last();
        if (previous is not null && atMs < previous.AtMs)
        {
            throw new ArgumentOutOfRangeException(nameof(atMs), "Copies must be added in time order.");
        }

        _samples.Enqueue(new Sample(atMs, counters));

        // Keep one copy at or before the window's start so the window is always fully covered.
        while (_samples.Count > 2 && _samples.ElementAt(1).AtMs <= atMs - _windowMs)
        {
            _samples.Dequeue();
        }

        if (previous is not null && atMs > previous.AtMs)
        {
            var seconds = (atMs - previous.AtMs) / 1000.0;
            var rates = new Dictionary<string, double>(StringComparer.Ordinal);
            var p99 = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (var figures in Figures([]))
            {
                var now = counters.GetValueOrDefault(figures.Variant, VariantTraffic.Empty);
                var before = previous.Counters.GetValueOrDefault(figures.Variant, VariantTraffic.Empty);
                rates[figures.Variant] = now.Minus(before).Requests / seconds;
                p99[figures.Variant] = figures.P99Ms;
            }

            _history.Enqueue(new LivePoint(atMs, rates, p99));
            while (_history.Count > _maxHistory)
            {
                _history.Dequeue();
            }
        }
    }

    /// <summary>
    /// One row per variant: <paramref name="order"/> first (the deployment's current variants, shown even
    /// without traffic), then any other variant that answered in this process (e.g. a removed canary).
    /// </summary>
    public IReadOnlyList<LiveVariantFigures> Figures(IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_samples.Count == 0)
        {
            return [.. order.Select(v => new LiveVariantFigures(v, 0, 0, null, 0, 0, null, null, null))];
        }

        var newest = _samples.Last();
        var oldest = _samples.Peek();
        var seconds = (newest.AtMs - oldest.AtMs) / 1000.0;
        var others = newest.Counters.Keys.Where(k => !order.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal);
        var rows = new List<LiveVariantFigures>();
        foreach (var variant in order.Concat(others))
        {
            var now = newest.Counters.GetValueOrDefault(variant, VariantTraffic.Empty);
            var window = _samples.Count > 1 ? now.Minus(oldest.Counters.GetValueOrDefault(variant, VariantTraffic.Empty)) : VariantTraffic.Empty;
            rows.Add(new LiveVariantFigures(
                variant,
                now.Requests,
                now.Errors,
                seconds > 0 ? window.Requests / seconds : null,
                window.Requests,
                window.Errors,
                Milliseconds(window.Quantile(0.50)),
                Milliseconds(window.Quantile(0.95)),
                Milliseconds(window.Quantile(0.99))));
        }

        return rows;
    }

    private static double? Milliseconds(double? seconds) => seconds * 1000;

    private sealed record Sample(long AtMs, IReadOnlyDictionary<string, VariantTraffic> Counters);
}

/// <summary>
/// One variant in the live panel: totals since the server started, and over the sliding window the
/// request rate (null until two copies span some time), requests, 5xx answers and latency percentiles
/// in ms (null without requests in the window).
/// </summary>
public sealed record LiveVariantFigures(
    string Variant,
    long TotalRequests,
    long TotalErrors,
    double? RequestsPerSecond,
    long WindowRequests,
    long WindowErrors,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms)
{
    /// <summary>The window's 5xx share, null without requests.</summary>
    public double? ErrorRate => WindowRequests == 0 ? null : (double)WindowErrors / WindowRequests;
}

/// <summary>A chart point: per variant the requests per second since the previous copy and the window's p99 (ms).</summary>
public sealed record LivePoint(long AtMs, IReadOnlyDictionary<string, double> Rates, IReadOnlyDictionary<string, double?> P99Ms);
