using System.Globalization;

namespace Cairn.Serving.PredictionLog;

/// <summary>
/// One input feature of a <see cref="SegmentBuffer"/>, typed by the values seen: numbers, booleans or
/// UTC times in unboxed lists; a feature whose values mix kinds becomes invariant text. A row that did
/// not send the feature is null.
/// </summary>
internal sealed class FeatureBuffer(string name)
{
    private List<double?>? _numbers;
    private List<bool?>? _booleans;
    private List<DateTime?>? _times;
    private List<string?>? _texts;
    private int _count;

    public string Name { get; } = name;

    public FeatureKind Kind { get; private set; } = FeatureKind.Missing;

    public void Set(int row, object? value)
    {
        var kind = KindOf(value);
        if (kind != FeatureKind.Missing && kind != Kind && Kind != FeatureKind.Text)
        {
            Promote(Kind == FeatureKind.Missing ? kind : FeatureKind.Text);
        }

        PadTo(row);
        switch (Kind)
        {
            case FeatureKind.Number:
                _numbers!.Add(value is null ? null : value is double d ? d : Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case FeatureKind.Boolean:
                _booleans!.Add((bool?)value);
                break;
            case FeatureKind.Time:
                _times!.Add(ToUtc(value));
                break;
            case FeatureKind.Text:
                _texts!.Add(ToText(value));
                break;
        }

        _count = row + 1;
    }

    public double?[] Numbers(int rows, int[]? order) => Column(_numbers, rows, order);

    public bool?[] Booleans(int rows, int[]? order) => Column(_booleans, rows, order);

    public DateTime?[] Times(int rows, int[]? order) => Column(_times, rows, order);

    /// <summary>The values as text (a feature only ever missing is written as an all-null text column).</summary>
    public string?[] Texts(int rows, int[]? order) => Column(_texts, rows, order);

    private static T?[] Column<T>(List<T?>? values, int rows, int[]? order)
    {
        var column = new T?[rows];
        var count = values?.Count ?? 0;
        for (var r = 0; r < rows; r++)
        {
            var source = order is null ? r : order[r];
            column[r] = source < count ? values![source] : default;
        }

        return column;
    }

    private void PadTo(int row)
    {
        for (var r = _count; r < row; r++)
        {
            switch (Kind)
            {
                case FeatureKind.Number: _numbers!.Add(null); break;
                case FeatureKind.Boolean: _booleans!.Add(null); break;
                case FeatureKind.Time: _times!.Add(null); break;
                case FeatureKind.Text: _texts!.Add(null); break;
            }
        }

        _count = Math.Max(_count, row);
    }

    private void Promote(FeatureKind kind)
    {
        // Values seen so far move to the new kind: from Missing nothing to move (padded below), to Text as invariant text.
        var existing = Kind switch
        {
            FeatureKind.Number => _numbers!.Select(v => v is null ? null : ToText(v.Value)),
            FeatureKind.Boolean => _booleans!.Select(v => v is null ? null : ToText(v.Value)),
            FeatureKind.Time => _times!.Select(v => v is null ? null : ToText(v.Value)),
            _ => Enumerable.Empty<string?>(),
        };
        var count = Kind == FeatureKind.Missing ? 0 : _count;
        List<string?>? texts = kind == FeatureKind.Text ? [.. existing] : null;
        (_numbers, _booleans, _times, _texts) = (null, null, null, texts);
        Kind = kind;
        switch (kind)
        {
            case FeatureKind.Number: _numbers = []; break;
            case FeatureKind.Boolean: _booleans = []; break;
            case FeatureKind.Time: _times = []; break;
            case FeatureKind.Text: _texts ??= []; break;
        }

        _count = count;
    }

    private static FeatureKind KindOf(object? value) => value switch
    {
        null => FeatureKind.Missing,
        double or float or long or int or short or byte or sbyte or uint or ulong or ushort or decimal => FeatureKind.Number,
        bool => FeatureKind.Boolean,
        DateTime or DateTimeOffset => FeatureKind.Time,
        _ => FeatureKind.Text,
    };

    private static DateTime? ToUtc(object? value) => value switch
    {
        DateTime t => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime(),
        DateTimeOffset o => o.UtcDateTime,
        _ => null,
    };

    private static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime or DateTimeOffset => ToUtc(value)!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>What a feature column holds; Missing until a value is seen.</summary>
internal enum FeatureKind
{
    Missing,
    Number,
    Boolean,
    Time,
    Text,
}
