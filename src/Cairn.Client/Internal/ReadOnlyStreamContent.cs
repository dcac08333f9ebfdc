using System.Net;

namespace Cairn.Client.Internal;

/// <summary>
/// Streams a caller's <see cref="Stream"/> as a request body without disposing it (StreamContent would),
/// rewinding it for each retry when it can seek.
/// </summary>
internal sealed class ReadOnlyStreamContent : HttpContent
{
    private readonly Stream _source;
    private readonly long _start;

    /// <param name="source">The body.</param>
    /// <param name="start">Where the body starts in a seekable stream (each attempt rewinds there); -1 when it cannot seek.</param>
    public ReadOnlyStreamContent(Stream source, long start)
    {
        _source = source;
        _start = start;
    }

    public static long StartOf(Stream source) => source.CanSeek ? source.Position : -1;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_start >= 0)
        {
            _source.Position = _start;
        }

        await _source.CopyToAsync(stream, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _start >= 0 ? _source.Length - _start : 0;
        return _start >= 0;
    }
}
