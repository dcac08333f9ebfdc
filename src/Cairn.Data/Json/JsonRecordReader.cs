using System.Buffers;
using System.Text.Json;
using Cairn.Core.Errors;
using Cairn.Data.Reading;

namespace Cairn.Data.Json;

/// <summary>Streams JSON lines (one object per line, blank lines skipped) and JSON arrays of objects into a sink.</summary>
internal static class JsonRecordReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static async Task<long> ReadLinesAsync(Stream stream, IRecordSink sink, int maxLineBytes, CancellationToken cancellationToken)
    {
        var rows = new JsonObjectRows(sink);
        rows.Start();
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        long line = 1;
        try
        {
            int start = 0, end = 0;
            var eof = false;
            while (!eof)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    if (buffer.Length >= maxLineBytes)
                    {
                        throw CairnException.InvalidParameter($"Malformed JSON lines at line {line}: a line is larger than {maxLineBytes / (1024 * 1024)} MB.");
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                eof = read == 0;
                end += read;
                while (start < end)
                {
                    var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                    if (newline < 0 && !eof)
                    {
                        break;
                    }

                    var length = newline < 0 ? end - start : newline;
                    ReadLine(rows, buffer.AsSpan(start, length), line);
                    line++;
                    start += newline < 0 ? length : length + 1;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return rows.Rows;
    }

    private static void ReadLine(JsonObjectRows rows, ReadOnlySpan<byte> text, long line)
    {
        if (text.Length > 0 && text[^1] == '\r')
        {
            text = text[..^1];
        }

        if (text.Length == 0 || text.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
        {
            return;
        }

        if (line == 1 && text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(text, isFinalBlock: true, new JsonReaderState(ReaderOptions));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw CairnException.InvalidParameter($"Malformed JSON lines at line {line}: each line must be a JSON object.");
            }

            rows.ReadObject(ref reader, text, line);
            if (reader.Read())
            {
                throw CairnException.InvalidParameter($"Malformed JSON lines at line {line}: unexpected content after the object.");
            }
        }
        catch (JsonException e)
        {
            throw CairnException.InvalidParameter($"Malformed JSON lines at line {line}: {FirstSentence(e.Message)}");
        }
    }

    /// <summary>A JSON array of objects; the whole document is read into memory (up to <paramref name="maxBytes"/>).</summary>
    public static async Task<long> ReadArrayAsync(Stream stream, IRecordSink sink, long maxBytes, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (memory.Length + read > maxBytes)
            {
                throw CairnException.InvalidParameter($"JSON documents larger than {maxBytes / (1024 * 1024)} MB are not supported; use JSON lines.");
            }

            memory.Write(chunk, 0, read);
        }

        return ReadArray(memory.GetBuffer().AsSpan(0, (int)memory.Length), sink);
    }

    private static long ReadArray(ReadOnlySpan<byte> text, IRecordSink sink)
    {
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var rows = new JsonObjectRows(sink);
        rows.Start();
        var reader = new Utf8JsonReader(text, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw CairnException.InvalidParameter("Malformed JSON: the document must be an array of objects.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw CairnException.InvalidParameter($"Malformed JSON at element {rows.Rows + 1}: each element must be an object.");
                }

                rows.ReadObject(ref reader, text, rows.Rows + 1);
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw CairnException.InvalidParameter("Malformed JSON: unexpected content after the array.");
            }
        }
        catch (JsonException e)
        {
            throw CairnException.InvalidParameter($"Malformed JSON at line {e.LineNumber + 1}: {FirstSentence(e.Message)}");
        }

        return rows.Rows;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
