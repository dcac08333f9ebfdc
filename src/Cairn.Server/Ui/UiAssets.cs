using System.Collections.Frozen;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Cairn.Server.Ui;

/// <summary>
/// The UI's scripts and styles, embedded in the assembly (see the csproj) and served from memory with a
/// content hash in the URL, so browsers cache them for good and a new build is fetched at once.
/// </summary>
public static class UiAssets
{
    private const string ResourcePrefix = "Cairn.Ui.";
    private const string RoutePrefix = "/ui/assets/";

    private static readonly Lazy<FrozenDictionary<string, Asset>> Assets = new(Load);

    /// <summary>The cache-busting URL of an asset, e.g. <c>/ui/assets/cairn.css?v=1a2b3c4d</c>.</summary>
    public static string Url(string name) =>
        Assets.Value.TryGetValue(name, out var asset)
            ? $"{RoutePrefix}{name}?v={asset.Version}"
            : throw new ArgumentException($"No UI asset named '{name}'.", nameof(name));

    public static IEndpointRouteBuilder MapUiAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(RoutePrefix + "{name}", (string name, HttpContext context) =>
        {
            if (!Assets.Value.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.Vary = "Accept-Encoding";
            var gzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
            if (gzip)
            {
                context.Response.Headers.ContentEncoding = "gzip";
            }

            return Results.Bytes(gzip ? asset.Gzipped.Value : asset.Content, asset.ContentType);
        }).ExcludeFromDescription();
        return app;
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(UiAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[ResourcePrefix.Length..];
            assets[name] = new Asset(buffer.ToArray(), ContentTypeOf(name));
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed class Asset
    {
        public Asset(byte[] content, string contentType)
        {
            Content = content;
            ContentType = contentType;
            Version = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
            Gzipped = new Lazy<byte[]>(() => Compress(content));
        }

        public byte[] Content { get; }

        public string ContentType { get; }

        public string Version { get; }

        public Lazy<byte[]> Gzipped { get; }

        private static byte[] Compress(byte[] content)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            {
                gzip.Write(content);
            }

            return output.ToArray();
        }
    }
}
