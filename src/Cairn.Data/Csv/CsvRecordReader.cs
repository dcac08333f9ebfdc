using System.Buffers;
using Cairn.Core.Errors;
using Cairn.Data.Reading;

namespace Cairn.Data.Csv;

/// <summary>
/// Streams RFC 4180 CSV (UTF-8, optional BOM, header row, quoted fields with embedded delimiters,
/// quotes and newlines, LF or CRLF) into a sink. It parses complete records inside a pooled buffer
/// and hands out cells as spans over it, so a cell costs no allocation; a record cut by the end of
/// the buffer is parsed again after the next read. Blank lines are skipped; a row whose field count
/// differs from the header's is an error that names its line.
/// </summary>
internal sealed partial class CsvRecordReader
{
    private readonly IRecordSink _sink;
    private readonly CsvOptions _options;
    private FieldSpan[] _fields = new FieldSpan[64];
    private byte[] _flags = new byte[64];
    private int _fieldCount;
    private byte _delimiter;
    private int _columnCount = -1;
    private long _line = 1;
    private long _row;
    private bool _started;

    private CsvRecordReader(IRecordSink sink, CsvOptions options)
    {
        _sink = sink;
        _options = options;
    }

    public static async Task<long> ReadAsync(Stream stream, IRecordSink sink, CsvOptions? options, CancellationToken cancellationToken)
    {
        var reader = new CsvRecordReader(sink, options ?? CsvOptions.Default);
        await reader.RunAsync(stream, cancellationToken);
        return reader._row;
    }

    private async Task RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_options.BufferBytes);
        try
        {
            int start = 0, end = 0;
            var eof = false;
            while (!eof)
            {
                if (start == end)
                {
                    start = end = 0;
                }
                else if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    else
                    {
                        buffer = Grow(buffer);
                    }
                }

                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                eof = read == 0;
                end += read;
                start = Parse(buffer, start, end, eof);
            }

            if (_columnCount < 0)
            {
                throw CairnException.InvalidParameter("Malformed CSV: the file is empty (a header row is required).");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Grow(byte[] buffer)
    {
        if (buffer.Length >= _options.MaxRecordBytes)
        {
            throw CairnException.InvalidParameter(
                $"Malformed CSV at line {_line}: a row is larger than {_options.MaxRecordBytes / (1024 * 1024)} MB (is a quote left open?).");
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxRecordBytes));
        Buffer.BlockCopy(buffer, 0, bigger, 0, buffer.Length);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    /// <summary>Parses every complete record in buffer[start..end); returns where the unparsed rest begins.</summary>
    private int Parse(byte[] buffer, int start, int end, bool eof)
    {
        if (!_started)
        {
            if (!eof && end - start < 3)
            {
                return start;
            }

            if (end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
            {
                start += 3;
            }

            var firstLine = buffer.AsSpan(start, end - start);
            var newline = firstLine.IndexOf((byte)'\n');
            if (newline < 0 && !eof)
            {
                return start;
            }

            _delimiter = _options.Delimiter is { } d ? (byte)d : DelimiterSniffer.Sniff(newline < 0 ? firstLine : firstLine[..newline]);
            _started = true;
        }

        while (start < end)
        {
            var next = TokenizeRecord(buffer, start, end, eof);
            if (next < 0)
            {
                return start;
            }

            var recordLine = _line;
            _line += buffer.AsSpan(start, next - start).Count((byte)'\n');
            var blank = _fieldCount == 1 && _fields[0].Length == 0 && _flags[0] == 0;
            if (!blank)
            {
                Deliver(buffer, recordLine);
            }

            start = next;
        }

        return start;
    }
}
