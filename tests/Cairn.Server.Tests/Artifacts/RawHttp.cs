using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Cairn.Server.Tests.Artifacts;

/// <summary>
/// HTTP/1.1 over a bare socket. HttpClient (and Uri) remove <c>..</c> segments and re-encode paths before
/// sending, so traversal tests need this to put exactly the bytes they mean on the wire.
/// </summary>
internal static class RawHttp
{
    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    public static async Task<Response> SendAsync(Uri server, string method, string target, byte[]? body = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, timeout.Token);
        await using var stream = tcp.GetStream();
        var head = $"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n" +
                   $"Content-Type: application/octet-stream\r\nContent-Length: {body?.Length ?? 0}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token);
        if (body is not null)
        {
            await stream.WriteAsync(body, timeout.Token);
        }

        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    private static Response Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = text[..split].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = text[(split + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new Response(status, headers, body);
    }

    private static string Dechunk(string chunked)
    {
        var result = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = int.Parse(chunked.AsSpan(position, lineEnd - position), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return result.ToString();
            }

            result.Append(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
