namespace Cairn.Data.Profiling;

/// <summary>
/// A uniform random sample of up to <see cref="Capacity"/> values from a stream of unknown length
/// (Li's Algorithm L: it draws random numbers only when it replaces an element, so the common case
/// is a counter decrement). Seeded, hence reproducible for the same input order.
/// </summary>
internal sealed class Reservoir
{
    private readonly double[] _items;
    private SplitMix64 _random;
    private long _seen;
    private long _skip;
    private double _w;

    public Reservoir(int capacity, ulong seed)
    {
        _items = new double[capacity];
        _random = new SplitMix64(seed);
    }

    public int Capacity => _items.Length;

    public int Count => (int)Math.Min(_seen, _items.Length);

    public void Add(double value)
    {
        if (_seen < _items.Length)
        {
            _items[_seen++] = value;
            if (_seen == _items.Length)
            {
                _w = Math.Exp(Math.Log(_random.NextDouble()) / _items.Length);
                _skip = NextSkip();
            }

            return;
        }

        _seen++;
        if (_skip-- > 0)
        {
            return;
        }

        _items[_random.NextInt(_items.Length)] = value;
        _w *= Math.Exp(Math.Log(_random.NextDouble()) / _items.Length);
        _skip = NextSkip();
    }

    /// <summary>The sampled values in arrival order of their slots (a copy).</summary>
    public double[] ToArray() => _items.AsSpan(0, Count).ToArray();

    private long NextSkip() => (long)Math.Floor(Math.Log(_random.NextDouble()) / Math.Log(1 - _w));
}
