using System.Text.Json;
using Cairn.Data.Reading;

namespace Cairn.Data.Json;

/// <summary>
/// Turns JSON objects into rows: keys are columns in order of first appearance; strings are
/// unescaped, numbers kept as written, null is missing, nested objects and arrays become their JSON text.
/// </summary>
internal sealed class JsonObjectRows(IRecordSink sink)
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly RowBuilder _row = new();
    private char[] _name = new char[256];
    private long _rows;

    public long Rows => _rows;

    public void Start() => sink.OnColumns([]);

    /// <summary>Reads the object the reader is positioned on (its StartObject token) and hands the row on.</summary>
    public void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, long line)
    {
        _row.Reset(_columns.Count);
        var lookup = _columns.GetAlternateLookup<ReadOnlySpan<char>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            // A name never has more UTF-16 chars than its escaped UTF-8 bytes.
            if (_name.Length < reader.ValueSpan.Length)
            {
                _name = new char[Math.Max(reader.ValueSpan.Length, _name.Length * 2)];
            }

            var name = _name.AsSpan(0, reader.CopyString(_name));
            if (!lookup.TryGetValue(name, out var column))
            {
                column = _columns.Count;
                var key = name.ToString();
                _columns.Add(key, column);
                sink.OnColumnAdded(key);
                _row.AddColumn();
            }

            reader.Read();
            ReadValue(ref reader, source, column);
        }

        _rows++;
        sink.OnRecord(_row.ToRecord(_rows, line));
    }

    private void ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, int column)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var target = _row.Reserve(reader.ValueSpan.Length);
                _row.Commit(column, reader.CopyString(target));
                break;
            case JsonTokenType.Number:
                _row.Set(column, reader.ValueSpan);
                break;
            case JsonTokenType.True:
                _row.Set(column, "true"u8);
                break;
            case JsonTokenType.False:
                _row.Set(column, "false"u8);
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                _row.Set(column, source[start..(int)reader.BytesConsumed]);
                break;
            default:
                break; // null: missing
        }
    }
}
