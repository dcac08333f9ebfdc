namespace Cairn.Data.Profiling;

/// <summary>
/// A tiny seeded generator (SplitMix64) whose sequence is fixed by its seed on every platform and
/// runtime version, so a profile's sample is reproducible (System.Random does not promise that).
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in (0, 1).</summary>
    public double NextDouble() => ((Next() >> 11) + 0.5) * (1.0 / (1UL << 53));

    public int NextInt(int maxExclusive) => (int)(Next() % (ulong)maxExclusive);
}
