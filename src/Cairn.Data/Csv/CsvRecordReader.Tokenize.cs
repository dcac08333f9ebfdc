using System.Text;
using Cairn.Core.Errors;
using Cairn.Data.Reading;

namespace Cairn.Data.Csv;

internal sealed partial class CsvRecordReader
{
    private const byte Quoted = 1;
    private const byte Escaped = 2;

    /// <summary>
    /// Finds the fields of the record at <paramref name="start"/>. Returns the index just past its line
    /// break, or -1 when the record is not complete in the buffer yet (more input is needed).
    /// </summary>
    private int TokenizeRecord(byte[] buffer, int start, int end, bool eof)
    {
        _fieldCount = 0;
        var pos = start;
        var delimiter = _delimiter;
        while (true)
        {
            if (pos < end && buffer[pos] == '"')
            {
                var fieldStart = pos + 1;
                var flags = Quoted;
                pos = fieldStart;
                while (true)
                {
                    var quote = buffer.AsSpan(pos, end - pos).IndexOf((byte)'"');
                    if (quote < 0 || (pos + quote + 1 == end && !eof))
                    {
                        return eof ? throw Malformed(buffer, start, "a quoted field is never closed") : -1;
                    }

                    var q = pos + quote;
                    if (q + 1 < end && buffer[q + 1] == '"')
                    {
                        flags |= Escaped;
                        pos = q + 2;
                        continue;
                    }

                    AddField(fieldStart, q - fieldStart, flags);
                    pos = q + 1;
                    break;
                }

                if (pos == end)
                {
                    return eof ? end : -1;
                }

                var after = buffer[pos];
                if (after == delimiter)
                {
                    pos++;
                    continue;
                }

                if (after is (byte)'\n' or (byte)'\r')
                {
                    return LineEnd(buffer, pos, end);
                }

                throw Malformed(buffer, start, $"unexpected character '{(char)after}' after a closing quote (quotes inside a field must be doubled)");
            }

            var rest = buffer.AsSpan(pos, end - pos);
            var stop = rest.IndexOfAny(delimiter, (byte)'\r', (byte)'\n');
            if (stop < 0)
            {
                if (!eof)
                {
                    return -1;
                }

                AddField(pos, end - pos, 0);
                return end;
            }

            AddField(pos, stop, 0);
            pos += stop;
            if (buffer[pos] == delimiter)
            {
                pos++;
                continue;
            }

            return LineEnd(buffer, pos, end);
        }
    }

    private static int LineEnd(byte[] buffer, int pos, int end) =>
        buffer[pos] == '\r' && pos + 1 < end && buffer[pos + 1] == '\n' ? pos + 2 : pos + 1;

    private void AddField(int start, int length, byte flags)
    {
        if (_fieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
            Array.Resize(ref _flags, _flags.Length * 2);
        }

        _fields[_fieldCount] = new FieldSpan(start, length);
        _flags[_fieldCount++] = flags;
    }

    /// <summary>Unescapes doubled quotes in place (the record is complete, so it is never parsed again) and hands the row on.</summary>
    private void Deliver(byte[] buffer, long line)
    {
        for (var i = 0; i < _fieldCount; i++)
        {
            if ((_flags[i] & Escaped) != 0)
            {
                _fields[i] = Unescape(buffer, _fields[i]);
            }
        }

        if (_columnCount < 0)
        {
            _columnCount = _fieldCount;
            _sink.OnColumns(HeaderNames(buffer));
            return;
        }

        if (_fieldCount != _columnCount)
        {
            throw CairnException.InvalidParameter(
                $"Malformed CSV at line {line}: the row has {_fieldCount} fields but the header has {_columnCount}.");
        }

        _row++;
        _sink.OnRecord(new Record(buffer, _fields.AsSpan(0, _fieldCount), _row, line));
    }

    private static FieldSpan Unescape(byte[] buffer, FieldSpan field)
    {
        var span = buffer.AsSpan(field.Start, field.Length);
        var write = 0;
        for (var read = 0; read < span.Length; read++, write++)
        {
            span[write] = span[read];
            if (span[read] == '"')
            {
                read++; // skip the second quote of the pair
            }
        }

        return field with { Length = write };
    }

    private List<string> HeaderNames(byte[] buffer)
    {
        var names = new List<string>(_fieldCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _fieldCount; i++)
        {
            var name = Encoding.UTF8.GetString(buffer, _fields[i].Start, _fields[i].Length).Trim();
            if (name.Length == 0)
            {
                name = $"column_{i + 1}";
            }

            // Duplicate headers happen in real exports; suffixes keep every column addressable.
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = $"{name}_{n}";
            }

            names.Add(unique);
        }

        return names;
    }

    private CairnException Malformed(byte[] buffer, int recordStart, string reason) =>
        CairnException.InvalidParameter($"Malformed CSV at line {_line}: {reason}.");
}
