using System.Globalization;
using Cairn.Data.Tables;

namespace Cairn.Serving.PredictionLog;

/// <summary>
/// Gathers one feature's values across segments in a typed list. Segments normally agree on the type;
/// when one does not (a client sent text where numbers were), the feature falls back to text for the
/// whole read rather than failing the drift job.
/// </summary>
internal sealed class FeatureAccumulator(string name)
{
    private ColumnType? _type;
    private int _pendingMissing;
    private List<double> _numbers = [];
    private List<bool?> _booleans = [];
    private List<DateTime?> _times = [];
    private List<string?> _strings = [];

    public string Name => name;

    public void AppendMissing(int count)
    {
        switch (_type)
        {
            case null: _pendingMissing += count; break;
            case ColumnType.Numeric: _numbers.AddRange(Enumerable.Repeat(double.NaN, count)); break;
            case ColumnType.Boolean: _booleans.AddRange(Enumerable.Repeat<bool?>(null, count)); break;
            case ColumnType.DateTime: _times.AddRange(Enumerable.Repeat<DateTime?>(null, count)); break;
            default: _strings.AddRange(Enumerable.Repeat<string?>(null, count)); break;
        }
    }

    public void AppendNumbers(double?[] values, List<int> rows)
    {
        if (Become(ColumnType.Numeric))
        {
            foreach (var r in rows)
            {
                _numbers.Add(values[r] ?? double.NaN);
            }
        }
        else
        {
            AppendText(rows.Select(r => values[r]?.ToString("R", CultureInfo.InvariantCulture)));
        }
    }

    public void AppendBooleans(bool?[] values, List<int> rows)
    {
        if (Become(ColumnType.Boolean))
        {
            _booleans.AddRange(rows.Select(r => values[r]));
        }
        else
        {
            AppendText(rows.Select(r => values[r] is { } b ? (b ? "true" : "false") : null));
        }
    }

    public void AppendTimes(DateTime?[] values, List<int> rows)
    {
        if (Become(ColumnType.DateTime))
        {
            _times.AddRange(rows.Select(r => values[r] is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : (DateTime?)null));
        }
        else
        {
            AppendText(rows.Select(r => values[r] is { } t ? FormatTime(t) : null));
        }
    }

    public void AppendStrings(string?[] values, List<int> rows)
    {
        Become(ColumnType.Text);
        AppendText(rows.Select(r => values[r]));
    }

    public DataColumn ToColumn(int[] order)
    {
        var type = _type ?? ColumnType.Text;
        if (_type is null)
        {
            _strings.AddRange(Enumerable.Repeat<string?>(null, _pendingMissing));
        }

        var schema = new ColumnSchema(name, type) { Nullable = true };
        return type switch
        {
            ColumnType.Numeric => new DataColumn { Schema = schema, Numbers = [.. order.Select(i => _numbers[i])] },
            ColumnType.Boolean => new DataColumn { Schema = schema, Booleans = [.. order.Select(i => _booleans[i])] },
            ColumnType.DateTime => new DataColumn { Schema = schema, Times = [.. order.Select(i => _times[i])] },
            _ => new DataColumn { Schema = schema, Strings = [.. order.Select(i => _strings[i])] },
        };
    }

    private static string FormatTime(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private void AppendText(IEnumerable<string?> values) => _strings.AddRange(values);

    /// <summary>True when values of <paramref name="type"/> can be appended as they are; otherwise the column is now text.</summary>
    private bool Become(ColumnType type)
    {
        if (_type is null)
        {
            _type = type;
            AppendMissing(_pendingMissing);
            _pendingMissing = 0;
            return true;
        }

        if (_type == type)
        {
            return true;
        }

        if (_type != ColumnType.Text)
        {
            _strings = _type switch
            {
                ColumnType.Numeric => [.. _numbers.Select(v => double.IsNaN(v) ? null : v.ToString("R", CultureInfo.InvariantCulture))],
                ColumnType.Boolean => [.. _booleans.Select(v => v is { } b ? (b ? "true" : "false") : null)],
                _ => [.. _times.Select(v => v is { } t ? FormatTime(t) : null)],
            };
            _numbers = [];
            _booleans = [];
            _times = [];
            _type = ColumnType.Text;
        }

        return false;
    }
}
