namespace Cairn.Serving.PredictionLog;

/// <summary>
/// Decides sampling from the request id alone, so a request and its shadow copies (same id) are kept
/// or skipped together, and a replayed request is decided the same way. FNV-1a over the UTF-16 code
/// units, then a 64-bit finalizer because FNV's high bits mix poorly for short, similar ids.
/// </summary>
public static class PredictionSampler
{
    public static bool IsSampled(string requestId, double rate)
    {
        if (rate >= 1)
        {
            return true;
        }

        if (rate <= 0)
        {
            return false;
        }

        return Unit(requestId) < rate;
    }

    /// <summary>A uniform value in [0, 1) derived from the id.</summary>
    public static double Unit(string requestId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in requestId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // MurmurHash3's fmix64.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
