using System.Buffers;
using System.IO.Pipelines;
using Cairn.Core.Errors;

namespace Cairn.Server.Inference;

/// <summary>
/// A whole request body read from the pipe without copying when it arrived in one segment (the usual case
/// for small inference requests). Dispose hands the memory back (pipe or pool) — after decoding, since
/// decoders copy out what they keep.
/// </summary>
internal sealed class InferenceBody : IDisposable
{
    private readonly PipeReader? _pipe;
    private readonly ReadOnlySequence<byte> _sequence;
    private byte[]? _rented;

    private InferenceBody(PipeReader pipe, ReadOnlySequence<byte> sequence)
    {
        _pipe = pipe;
        _sequence = sequence;
        if (sequence.IsSingleSegment)
        {
            Memory = sequence.First;
        }
        else
        {
            _rented = ArrayPool<byte>.Shared.Rent((int)sequence.Length);
            sequence.CopyTo(_rented);
            Memory = _rented.AsMemory(0, (int)sequence.Length);
        }
    }

    public ReadOnlyMemory<byte> Memory { get; }

    public ReadOnlySpan<byte> Span => Memory.Span;

    /// <summary>Reads the body, refusing more than <paramref name="limit"/> bytes (REQUEST_LIMIT_EXCEEDED → 413).</summary>
    public static async ValueTask<InferenceBody> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        var pipe = request.BodyReader;
        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                pipe.AdvanceTo(buffer.End);
                throw TooLarge(limit);
            }

            if (result.IsCompleted)
            {
                return new InferenceBody(pipe, buffer);
            }

            pipe.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }

        _pipe?.AdvanceTo(_sequence.End);
    }

    private static CairnException TooLarge(long limit) =>
        new(ErrorCode.RequestLimitExceeded, $"The request body is larger than the inference limit of {limit / (1024 * 1024)} MB; send fewer rows per request.");
}
