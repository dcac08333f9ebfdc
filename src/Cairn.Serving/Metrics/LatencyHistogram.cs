namespace Cairn.Serving.Metrics;

/// <summary>
/// One Prometheus histogram series: a count per bucket and the sum, updated with Interlocked only, so
/// recording never takes a lock and never allocates. Buckets are stored per bucket (not cumulative) so a
/// recording touches one slot; exposition accumulates them. The sum is kept in integer nanoseconds so
/// it can be added atomically and exactly.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Upper bounds in seconds (le), sub-millisecond first; the +Inf bucket is implicit.</summary>
    public static readonly double[] Bounds =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // One slot per bound plus the +Inf bucket.
    private readonly long[] _buckets = new long[Bounds.Length + 1];
    private long _sumNanoseconds;

    public void Observe(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            seconds = 0;
        }

        Interlocked.Increment(ref _buckets[BucketOf(seconds)]);
        Interlocked.Add(ref _sumNanoseconds, seconds >= 9e9 ? long.MaxValue / 4 : (long)(seconds * 1e9));
    }

    /// <summary>
    /// A consistent-enough copy for exposition: cumulative counts per bound (the last is +Inf, which is
    /// also the count, so <c>_count</c> always equals the +Inf bucket) and the sum in seconds.
    /// </summary>
    public HistogramSnapshot Snapshot()
    {
        var cumulative = new long[_buckets.Length];
        long running = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            running += Volatile.Read(ref _buckets[i]);
            cumulative[i] = running;
        }

        return new HistogramSnapshot(cumulative, Volatile.Read(ref _sumNanoseconds) / 1e9);
    }

    /// <summary>The first bucket whose bound is at least the value (Prometheus' le is inclusive).</summary>
    public static int BucketOf(double seconds)
    {
        var bounds = Bounds;
        for (var i = 0; i < bounds.Length; i++)
        {
            if (seconds <= bounds[i])
            {
                return i;
            }
        }

        return bounds.Length;
    }
}

/// <summary>Cumulative bucket counts (the last is +Inf = the count) and the sum in seconds.</summary>
public sealed record HistogramSnapshot(long[] Cumulative, double Sum)
{
    public long Count => Cumulative[^1];
}
