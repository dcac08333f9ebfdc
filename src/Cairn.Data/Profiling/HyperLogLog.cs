using System.Numerics;

namespace Cairn.Data.Profiling;

/// <summary>
/// A HyperLogLog distinct-count estimator (2^12 registers, about 1.6% standard error), used once a
/// column has more distinct values than are counted exactly.
/// </summary>
internal sealed class HyperLogLog
{
    private const int Bits = 12;
    private const int Registers = 1 << Bits;
    private readonly byte[] _registers = new byte[Registers];

    public void Add(ReadOnlySpan<byte> value)
    {
        // FNV-1a over the bytes, then a strong finaliser so the top bits are well mixed.
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in value)
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        AddHash(Mix(hash));
    }

    public void Add(double value) => AddHash(Mix((ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value)));

    public void Add(string value) => Add(System.Text.Encoding.UTF8.GetBytes(value));

    public long Estimate()
    {
        double sum = 0;
        var zeros = 0;
        foreach (var r in _registers)
        {
            sum += 1.0 / (1UL << r);
            zeros += r == 0 ? 1 : 0;
        }

        var alpha = 0.7213 / (1 + (1.079 / Registers));
        var estimate = alpha * Registers * Registers / sum;
        if (estimate <= 2.5 * Registers && zeros > 0)
        {
            estimate = Registers * Math.Log((double)Registers / zeros); // linear counting for small cardinalities
        }

        return (long)Math.Round(estimate);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private void AddHash(ulong hash)
    {
        var index = (int)(hash >> (64 - Bits));
        var rank = (byte)(BitOperations.LeadingZeroCount((hash << Bits) | (1UL << (Bits - 1))) + 1);
        if (rank > _registers[index])
        {
            _registers[index] = rank;
        }
    }
}
