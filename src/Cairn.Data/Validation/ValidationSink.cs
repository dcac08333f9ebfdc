using System.Text;
using Cairn.Data.Reading;

namespace Cairn.Data.Validation;

/// <summary>The sink that validates rows as they stream past; <see cref="Report"/> lists every failure.</summary>
internal sealed partial class ValidationSink(ValidationSchema schema, ValidationMode mode, string against) : IRecordSink
{
    private readonly List<string> _names = [];
    private readonly List<ColumnChecker> _checkers = [.. schema.Columns.Select(c => new ColumnChecker(c, -1))];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<ValidationExample> _duplicateExamples = [];
    private readonly StringBuilder _key = new();
    private ColumnChecker[] _active = [];
    private int[]? _keyIndexes;
    private long _duplicates;
    private long _rows;

    public void OnColumns(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            OnColumnAdded(name);
        }
    }

    public void OnColumnAdded(string name)
    {
        _names.Add(name);
        foreach (var checker in _checkers.Where(c => c.Index < 0 && c.Expected.Name == name))
        {
            checker.Index = _names.Count - 1;
            checker.AddMissing(_rows); // rows read before a JSON key first appeared lack it
        }

        _active = [.. _checkers.Where(c => c.Index >= 0)];
        if (schema.Key is { Count: > 0 } key && key.All(_names.Contains))
        {
            _keyIndexes = [.. key.Select(k => _names.IndexOf(k))];
        }
    }

    public void OnRecord(in Record record)
    {
        _rows++;
        foreach (var checker in _active)
        {
            checker.Check(record[checker.Index], record.Row);
        }

        if (_keyIndexes is not null)
        {
            CheckKey(record);
        }
    }

    private void CheckKey(in Record record)
    {
        _key.Clear();
        foreach (var index in _keyIndexes!)
        {
            _key.Append(Encoding.UTF8.GetString(record[index])).Append('\u001f');
        }

        var key = _key.ToString();
        if (!_keys.Add(key))
        {
            _duplicates++;
            if (_duplicateExamples.Count < 5)
            {
                _duplicateExamples.Add(new ValidationExample(record.Row, key.TrimEnd('\u001f').Replace('\u001f', '|')));
            }
        }
    }
}
