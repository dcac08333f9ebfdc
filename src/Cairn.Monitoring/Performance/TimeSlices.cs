namespace Cairn.Monitoring.Performance;

/// <summary>Splits rows into equal time ranges between the first and the last timestamp.</summary>
internal static class TimeSlices
{
    internal readonly record struct Slice(long Start, long End, int[] Rows);

    /// <summary>
    /// <paramref name="count"/> ranges [start, end) of equal length covering the timestamps (the last one also
    /// holds the newest row); empty ranges are left out so a quiet hour is not drawn as a zero.
    /// </summary>
    internal static IReadOnlyList<Slice> Split(IReadOnlyList<long> timestamps, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0 || timestamps.Count == 0)
        {
            return [];
        }

        var min = timestamps.Min();
        var max = timestamps.Max();
        // One millisecond at least, so all rows at one instant make one slice [t, t + 1).
        var span = Math.Max(max - min + 1, 1);
        count = (int)Math.Min(count, span);
        var buckets = new List<int>[count];
        for (var i = 0; i < timestamps.Count; i++)
        {
            var index = (int)((Int128)(timestamps[i] - min) * count / span);
            (buckets[index] ??= []).Add(i);
        }

        var slices = new List<Slice>(count);
        for (var i = 0; i < count; i++)
        {
            if (buckets[i] is { } rows)
            {
                slices.Add(new Slice(Edge(min, span, count, i), Edge(min, span, count, i + 1), [.. rows]));
            }
        }

        return slices;
    }

    private static long Edge(long min, long span, int count, int i) => min + (long)((Int128)span * i / count);
}
