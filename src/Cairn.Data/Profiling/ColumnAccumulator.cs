using System.Runtime.InteropServices;
using System.Text;
using Cairn.Data.Values;

namespace Cairn.Data.Profiling;

/// <summary>
/// Everything one streaming pass learns about a column while its type is still unknown: it keeps
/// every candidate type alive (numeric, boolean, date) until a value rules it out, with the
/// statistics each needs, so inference and profile come out of the same pass. Numeric values are
/// parsed straight from the UTF-8 bytes; a string is only materialised the first time a distinct
/// value is seen, and only until the exact-distinct bound is reached.
/// </summary>
internal sealed partial class ColumnAccumulator
{
    private readonly ProfileOptions _options;

    // Counts.
    private long _count;
    private long _missing;

    // Numeric candidate: Welford's running mean and M2, extremes, a reservoir sample and exact value counts.
    private bool _numeric = true;
    private bool _integer = true;
    private double _mean;
    private double _m2;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private readonly Reservoir _sample;
    private Dictionary<double, long>? _numberCounts = [];

    // Boolean and date candidates.
    private bool _boolean = true;
    private long _true;
    private long _false;
    private bool _date = true;
    private bool _dateOnly = true;
    private DateTime _minTime = DateTime.MaxValue;
    private DateTime _maxTime = DateTime.MinValue;

    // Value counts of non-numeric columns, exact up to the bound; then only known values are counted.
    private Dictionary<string, long>? _stringCounts;
    private bool _overflow;
    private HyperLogLog? _distinct;
    private char[] _chars = new char[256];

    public ColumnAccumulator(string name, ProfileOptions options, ulong seed)
    {
        Name = name;
        _options = options;
        _sample = new Reservoir(options.SampleCapacity, seed);
    }

    public string Name { get; }

    public long Missing => _missing;

    /// <summary>Rows that came before this column existed (JSON keys that appear late) count as missing.</summary>
    public void AddMissing(long rows) => _missing += rows;

    public void Add(ReadOnlySpan<byte> value)
    {
        if (MissingValues.IsMissing(value))
        {
            _missing++;
            return;
        }

        _count++;
        if (_numeric)
        {
            if (CellParser.TryNumber(value, out var number))
            {
                AddNumber(number);
                return;
            }

            AbandonNumeric();
        }

        AddText(value);
    }

    private void AddNumber(double x)
    {
        var n = _count;
        var delta = x - _mean;
        _mean += delta / n;
        _m2 += delta * (x - _mean);
        if (x < _min)
        {
            _min = x;
        }

        if (x > _max)
        {
            _max = x;
        }

        if (_integer && (x != Math.Floor(x) || Math.Abs(x) > 9007199254740992d))
        {
            _integer = false;
        }

        _sample.Add(x);
        if (_numberCounts is not null)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_numberCounts, x == 0 ? 0.0 : x, out var exists);
            slot++;
            if (!exists && _numberCounts.Count > _options.ExactDistinctBound)
            {
                // Too many distinct values to count exactly: estimate from here on.
                _distinct = new HyperLogLog();
                foreach (var key in _numberCounts.Keys)
                {
                    _distinct.Add(key);
                }

                _numberCounts = null;
            }
        }
        else
        {
            _distinct!.Add(x);
        }
    }

    /// <summary>The first non-number: earlier numbers become string counts, and they ruled out booleans and dates.</summary>
    private void AbandonNumeric()
    {
        _numeric = false;
        if (_count > 1)
        {
            _boolean = false;
            _date = false;
        }

        _stringCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (_numberCounts is null)
        {
            _overflow = true;
            return;
        }

        foreach (var (number, count) in _numberCounts)
        {
            _stringCounts[CellParser.FormatNumber(number)] = count;
        }

        _numberCounts = null;
    }

    private void AddText(ReadOnlySpan<byte> value)
    {
        if (_boolean)
        {
            if (CellParser.TryBoolean(value, out var b))
            {
                _true += b ? 1 : 0;
                _false += b ? 0 : 1;
            }
            else
            {
                _boolean = false;
            }
        }

        if (_date)
        {
            if (CellParser.TryDateTime(value, out var time, out var dateOnly))
            {
                _dateOnly &= dateOnly;
                _minTime = time < _minTime ? time : _minTime;
                _maxTime = time > _maxTime ? time : _maxTime;
            }
            else
            {
                _date = false;
            }
        }

        CountText(value);
    }

    private void CountText(ReadOnlySpan<byte> value)
    {
        if (_chars.Length < value.Length)
        {
            _chars = new char[Math.Max(value.Length, _chars.Length * 2)];
        }

        var text = _chars.AsSpan(0, Encoding.UTF8.GetChars(value, _chars));
        var lookup = _stringCounts!.GetAlternateLookup<ReadOnlySpan<char>>();
        if (_overflow)
        {
            if (lookup.TryGetValue(text, out var known))
            {
                lookup[text] = known + 1;
            }

            _distinct!.Add(value);
            return;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, text, out var exists);
        slot++;
        if (!exists && _stringCounts.Count > _options.ExactDistinctBound)
        {
            _overflow = true;
            _distinct ??= new HyperLogLog();
            foreach (var key in _stringCounts.Keys)
            {
                _distinct.Add(key);
            }
        }
    }
}
