using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cairn.Server.Inference;

/// <summary>
/// Writes a JSON response body built with a per-thread reusable buffer and <see cref="Utf8JsonWriter"/>:
/// the body is built synchronously, its length set as Content-Length, then copied into the response pipe
/// before any await, so the per-thread buffer is free again when the method yields.
/// </summary>
internal static class JsonResponse
{
    // Relaxed escaping: these are API bodies, never embedded in HTML, and quotes in messages stay readable.
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public delegate void Body<TState>(Utf8JsonWriter writer, TState state);

    public static Task WriteAsync<TState>(HttpContext context, int status, TState state, Body<TState> body)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        body(writer, state);
        writer.Flush();

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        response.BodyWriter.Write(buffer.WrittenSpan);
        if (buffer.Capacity > 1024 * 1024)
        {
            // One huge batch answer must not pin a large buffer to this thread forever.
            t_buffer = null;
            t_writer = null;
        }

        return response.BodyWriter.FlushAsync(context.RequestAborted).AsTask();
    }
}
