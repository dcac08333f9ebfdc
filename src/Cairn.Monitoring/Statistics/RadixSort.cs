using System.Buffers;

namespace Cairn.Monitoring.Statistics;

/// <summary>
/// Ascending sort of finite doubles by LSD radix sort on their order-preserving 64-bit keys (6 passes of
/// 11 bits, passes where every key shares the digit skipped). Sorting dominates drift testing
/// (every statistic is a linear pass over sorted samples) and this is several times faster than
/// <see cref="Array.Sort{T}(T[])"/> on 100k values. The order of -0.0 and 0.0 is -0.0 first.
/// </summary>
public static class RadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Passes = 6;
    private const int Threshold = 2048; // below this the comparison sort is as fast

    /// <summary>Sorts <paramref name="values"/> in place; NaN must not occur (use <see cref="Array.Sort{T}(T[])"/> for that).</summary>
    public static void Sort(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Length;
        if (n < Threshold)
        {
            Array.Sort(values);
            return;
        }

        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var buffer = ArrayPool<ulong>.Shared.Rent(n);
        var counts = new int[Passes * Buckets];
        try
        {
            for (var i = 0; i < n; i++)
            {
                var bits = BitConverter.DoubleToUInt64Bits(values[i]);

                // Negative numbers: flip every bit (reverses their order); positive: set the sign bit.
                var key = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
                keys[i] = key;
                for (var p = 0; p < Passes; p++)
                {
                    counts[(p * Buckets) + (int)((key >> (p * Bits)) & (Buckets - 1))]++;
                }
            }

            var source = keys;
            var target = buffer;
            for (var p = 0; p < Passes; p++)
            {
                var offset = p * Buckets;
                if (SingleBucket(counts.AsSpan(offset, Buckets), n))
                {
                    continue;
                }

                var sum = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var count = counts[offset + b];
                    counts[offset + b] = sum;
                    sum += count;
                }

                var shift = p * Bits;
                for (var i = 0; i < n; i++)
                {
                    var key = source[i];
                    target[counts[offset + (int)((key >> shift) & (Buckets - 1))]++] = key;
                }

                (source, target) = (target, source);
            }

            for (var i = 0; i < n; i++)
            {
                var key = source[i];
                var bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key;
                values[i] = BitConverter.UInt64BitsToDouble(bits);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>A sorted copy: radix-sorted when every value is a number, else <see cref="Array.Sort{T}(T[])"/> (NaN first).</summary>
    public static double[] SortedCopy(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = (double[])values.Clone();
        foreach (var value in copy)
        {
            if (double.IsNaN(value))
            {
                Array.Sort(copy);
                return copy;
            }
        }

        Sort(copy);
        return copy;
    }

    private static bool SingleBucket(ReadOnlySpan<int> counts, int n)
    {
        foreach (var count in counts)
        {
            if (count != 0)
            {
                return count == n;
            }
        }

        return true;
    }
}
