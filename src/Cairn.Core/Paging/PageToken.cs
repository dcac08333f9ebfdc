using System.Text;
using Cairn.Core.Errors;

namespace Cairn.Core.Paging;

/// <summary>
/// MLflow-style page tokens: base64 of <c>{"offset": N}</c>. Opaque to clients; validated strictly
/// so a forged token is a 400, not a crash.
/// </summary>
public static class PageToken
{
    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"offset\": {offset}}}"));

    public static int Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var start = json.IndexOf(':', StringComparison.Ordinal);
            var end = json.IndexOf('}', StringComparison.Ordinal);
            if (json.StartsWith("{\"offset\"", StringComparison.Ordinal) && start > 0 && end > start
                && int.TryParse(json.AsSpan(start + 1, end - start - 1).Trim(), out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw CairnException.InvalidParameter($"Invalid page token '{token}': not a token this server issued.");
    }

    /// <summary>The token for the page after <paramref name="offset"/>, or null when this page was the last.</summary>
    public static string? Next(int offset, int pageSize, int returned, bool hasMore) =>
        hasMore && returned == pageSize ? Encode(offset + pageSize) : null;
}
