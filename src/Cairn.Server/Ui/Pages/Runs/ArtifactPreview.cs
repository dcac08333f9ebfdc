using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cairn.Core.Artifacts;

namespace Cairn.Server.Ui.Pages.Runs;

/// <summary>How the run page previews an artifact file.</summary>
public enum PreviewKind
{
    None,
    Text,
    Json,
    Csv,
    Image,
}

/// <summary>A preview read from the store: the head of a text file (parsed rows for CSV/TSV) or nothing for binaries.</summary>
public sealed record ArtifactPreviewContent(PreviewKind Kind, string Text, IReadOnlyList<IReadOnlyList<string>> Rows, bool Truncated);

/// <summary>
/// Chooses and reads artifact previews: text-like files (the extensions MLflow's server serves as text, plus
/// extension-less MLflow files) show their first 64 KB, JSON pretty-printed when it parses, CSV/TSV their first
/// rows as a table, images through the download link. Everything is rendered as text, never as markup.
/// </summary>
public static class ArtifactPreview
{
    public const int MaxBytes = 64 * 1024;
    public const int MaxRows = 20;

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "txt", "log", "err", "cfg", "conf", "ini", "properties", "toml", "yaml", "yml", "xml", "md", "rst", "py", "cs", "sql", "html", "htm",
    };

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { "png", "jpg", "jpeg", "gif", "webp", "bmp", "svg" };

    public static PreviewKind KindOf(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot <= 0)
        {
            return name is "MLmodel" or "MLproject" or "LICENSE" or "README" ? PreviewKind.Text : PreviewKind.None;
        }

        var extension = name[(dot + 1)..];
        return extension.ToLowerInvariant() switch
        {
            "json" or "jsonl" => PreviewKind.Json,
            "csv" or "tsv" => PreviewKind.Csv,
            _ when ImageExtensions.Contains(extension) => PreviewKind.Image,
            _ when TextExtensions.Contains(extension) => PreviewKind.Text,
            _ => PreviewKind.None,
        };
    }

    /// <summary>Reads the head of a text-like file; null when the file does not exist.</summary>
    public static async Task<ArtifactPreviewContent?> ReadAsync(IArtifactStore store, string storePath, CancellationToken cancellationToken)
    {
        var kind = KindOf(storePath);
        if (kind is PreviewKind.None or PreviewKind.Image)
        {
            return await store.ExistsAsync(storePath, cancellationToken) ? new ArtifactPreviewContent(kind, "", [], false) : null;
        }

        await using var stream = await store.OpenReadAsync(storePath, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        var truncated = read > MaxBytes;
        var text = Encoding.UTF8.GetString(buffer, 0, Math.Min(read, MaxBytes));
        return kind switch
        {
            PreviewKind.Json when !truncated => new ArtifactPreviewContent(kind, PrettyJson(text), [], false),
            PreviewKind.Csv => new ArtifactPreviewContent(kind, text, CsvHead(text, storePath.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',', MaxRows + 2), truncated),
            _ => new ArtifactPreviewContent(kind, text, [], truncated),
        };
    }

    /// <summary>JSON re-indented for reading; the text as it is when it does not parse (e.g. JSON lines).</summary>
    public static string PrettyJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            using var output = new MemoryStream();
            using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                // Relaxed escaping keeps the text readable; the page escapes it as HTML when it renders it.
                document.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(output.ToArray());
        }
        catch (JsonException)
        {
            return text;
        }
    }

    /// <summary>The first <paramref name="maxRows"/> records of delimited text (RFC 4180 quoting: "a ""b""", embedded separators and newlines).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> CsvHead(string text, char separator, int maxRows)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length && rows.Count < maxRows; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (rows.Count < maxRows && (field.Length > 0 || row.Count > 0))
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
