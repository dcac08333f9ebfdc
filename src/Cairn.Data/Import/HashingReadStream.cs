using System.Security.Cryptography;
using Cairn.Core.Errors;

namespace Cairn.Data.Import;

/// <summary>
/// A read-through stream that hashes every byte it passes on (SHA-256), optionally copies it to a
/// spool file, reports progress and enforces a size limit: the one pass over an upload feeds the
/// parser, the content hash and the copy that is stored afterwards.
/// </summary>
internal sealed class HashingReadStream(Stream inner, Stream? spool, IProgress<long>? progress, long maxBytes) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _length;

    public long BytesRead => _length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    /// <summary>The lower-case hex SHA-256 of everything read (call once, at the end).</summary>
    public string HashHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Pass(buffer[..read]);
        spool?.Write(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Pass(buffer.Span[..read]);
        if (spool is not null && read > 0)
        {
            await spool.WriteAsync(buffer[..read], cancellationToken);
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads whatever the parser left unread, so the hash covers the whole input.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }

    private void Pass(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        _length += data.Length;
        if (_length > maxBytes)
        {
            throw new CairnException(ErrorCode.RequestLimitExceeded, $"The data is larger than the limit of {maxBytes} bytes.");
        }

        _hash.AppendData(data);
        progress?.Report(_length);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
