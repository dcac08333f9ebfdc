namespace Cairn.Serving.Routing;

/// <summary>
/// The stable hash behind sticky assignment: FNV-1a (64-bit) over the UTF-16 code units of the deployment
/// name, a separator and the key, then MurmurHash3's 64-bit finalizer so the low bits (which the modulo
/// keeps) depend on every input bit. Stable across processes and releases, unlike string.GetHashCode.
/// </summary>
public static class StickyHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Hash(string deployment, ReadOnlySpan<char> key)
    {
        var hash = Offset;
        hash = Mix(hash, deployment);
        hash = (hash ^ 0xFFFF) * Prime; // a separator no name contains, so ("ab","c") differs from ("a","bc")
        hash = Mix(hash, key);
        return Finalize(hash);
    }

    /// <summary>The bucket in [0, <paramref name="buckets"/>) of a key; the same key always lands in the same bucket.</summary>
    public static int Bucket(string deployment, ReadOnlySpan<char> key, int buckets) =>
        (int)(Hash(deployment, key) % (ulong)buckets);

    private static ulong Mix(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }

    private static ulong Finalize(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
