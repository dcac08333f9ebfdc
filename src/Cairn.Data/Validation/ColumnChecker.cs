using System.Globalization;
using System.Text;
using Cairn.Data.Tables;
using Cairn.Data.Values;

namespace Cairn.Data.Validation;

/// <summary>Checks every cell of one expected column and keeps counts plus the first few examples per rule.</summary>
internal sealed class ColumnChecker
{
    private const int MaxExamples = 5;
    private const int MaxUnseenValues = 1000;

    private readonly HashSet<string>? _categories;
    private readonly List<ValidationExample> _missingExamples = [];
    private readonly List<ValidationExample> _typeExamples = [];
    private readonly List<ValidationExample> _rangeExamples = [];
    private readonly List<ValidationExample> _unseenExamples = [];
    private readonly Dictionary<string, long> _unseen = new(StringComparer.Ordinal);

    public ColumnChecker(ColumnSchema expected, int index)
    {
        Expected = expected;
        Index = index;
        if (expected.Type == ColumnType.Categorical && expected.Categories is { } categories)
        {
            _categories = new HashSet<string>(categories, StringComparer.Ordinal);
        }
    }

    public ColumnSchema Expected { get; }

    /// <summary>Position of the column in the data, or -1 while it has not been seen.</summary>
    public int Index { get; set; }

    public long Missing { get; private set; }

    public long TypeMismatches { get; private set; }

    public long BelowMin { get; private set; }

    public long AboveMax { get; private set; }

    public long UnseenTotal { get; private set; }

    public IReadOnlyList<ValidationExample> MissingExamples => _missingExamples;

    public IReadOnlyList<ValidationExample> TypeExamples => _typeExamples;

    public IReadOnlyList<ValidationExample> RangeExamples => _rangeExamples;

    public IReadOnlyList<ValidationExample> UnseenExamples => _unseenExamples;

    public IReadOnlyDictionary<string, long> Unseen => _unseen;

    public void AddMissing(long rows) => Missing += rows;

    public void Check(ReadOnlySpan<byte> cell, long row)
    {
        if (MissingValues.IsMissing(cell))
        {
            Missing++;
            Keep(_missingExamples, row, cell.IsEmpty ? null : cell);
            return;
        }

        switch (Expected.Type)
        {
            case ColumnType.Numeric:
                if (!CellParser.TryNumber(cell, out var number))
                {
                    Mismatch(cell, row);
                }
                else if (number < Expected.Min || number > Expected.Max)
                {
                    BelowMin += number < Expected.Min ? 1 : 0;
                    AboveMax += number > Expected.Max ? 1 : 0;
                    Keep(_rangeExamples, row, cell);
                }

                break;
            case ColumnType.Boolean when !CellParser.TryBoolean(cell, out _):
            case ColumnType.DateTime when !CellParser.TryDateTime(cell, out _, out _):
                Mismatch(cell, row);
                break;
            case ColumnType.Categorical when _categories is not null:
                CheckCategory(cell, row);
                break;
            default:
                break;
        }
    }

    private void CheckCategory(ReadOnlySpan<byte> cell, long row)
    {
        var text = Encoding.UTF8.GetString(cell);
        if (_categories!.Contains(text)
            || (CellParser.TryNumber(cell, out var number) && _categories.Contains(CellParser.FormatNumber(number))))
        {
            return;
        }

        UnseenTotal++;
        if (_unseen.TryGetValue(text, out var count) || _unseen.Count < MaxUnseenValues)
        {
            _unseen[text] = count + 1;
        }

        Keep(_unseenExamples, row, cell);
    }

    private void Mismatch(ReadOnlySpan<byte> cell, long row)
    {
        TypeMismatches++;
        Keep(_typeExamples, row, cell);
    }

    private static void Keep(List<ValidationExample> examples, long row, ReadOnlySpan<byte> cell)
    {
        if (examples.Count < MaxExamples)
        {
            examples.Add(new ValidationExample(row, cell.IsEmpty ? null : Encoding.UTF8.GetString(cell)));
        }
    }

    public static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
