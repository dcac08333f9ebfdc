using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cairn.Core.Errors;
using Cairn.Serving.Deployments;

namespace Cairn.Server.Native;

/// <summary>Reading the deployments API's requests: JSON bodies (some optional), the acting user, query numbers.</summary>
internal static class DeploymentsRequest
{
    public const string UserHeader = "X-Cairn-User";

    /// <summary>
    /// The body as <typeparamref name="T"/>, or null when it is empty (or the JSON literal null) and not
    /// <paramref name="required"/>. Malformed JSON and wrong types surface as JsonException, which the error
    /// middleware answers with a 400 naming the field.
    /// </summary>
    public static async Task<T?> BodyAsync<T>(HttpContext context, JsonTypeInfo<T> info, bool required)
        where T : class
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return required ? throw CairnException.InvalidParameter("Missing request body: a JSON object is expected.") : null;
        }

        var value = JsonSerializer.Deserialize(bytes.Span, info);
        return value ?? (required ? throw CairnException.InvalidParameter("Invalid request body: a JSON object is expected, got null.") : null);
    }

    /// <summary>Who is acting: the <c>X-Cairn-User</c> header, else the authenticated user, else "anonymous".</summary>
    public static ChangeContext Change(HttpContext context, string? reason)
    {
        var header = context.Request.Headers[UserHeader].ToString();
        var user = header.Length > 0 ? header
            : context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name
            : ChangeContext.AnonymousActor;
        return new ChangeContext(user, reason);
    }

    /// <summary>An optional integer query parameter; anything else is a 400 naming it.</summary>
    public static long? QueryLong(HttpContext context, string name)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CairnException.InvalidParameter($"Invalid value '{text}' for parameter '{name}': it must be an integer.");
    }
}
