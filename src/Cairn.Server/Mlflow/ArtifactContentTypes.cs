using Microsoft.AspNetCore.StaticFiles;

namespace Cairn.Server.Mlflow;

/// <summary>
/// The Content-Type of a downloaded artifact, guessed as MLflow's server does: text-like extensions (and
/// extension-less MLflow files such as <c>MLmodel</c>) are <c>text/plain</c>, other known extensions their
/// registered type, anything else <c>application/octet-stream</c>. Downloads are always attachments with
/// nosniff, so a guessed type never makes the browser render an artifact on our origin.
/// </summary>
public static class ArtifactContentTypes
{
    public const string Binary = "application/octet-stream";

    private static readonly HashSet<string> TextExtensions = new(StringComparer.Ordinal)
    {
        "txt", "log", "err", "cfg", "conf", "cnf", "cf", "ini", "properties", "prop", "hocon", "toml", "yaml", "yml",
        "xml", "json", "js", "py", "py3", "csv", "tsv", "md", "rst", "MLmodel", "mlproject",
    };

    private static readonly FileExtensionContentTypeProvider Known = new();

    public static string Guess(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        var extension = dot < 0 ? fileName : fileName[(dot + 1)..];
        if (TextExtensions.Contains(extension))
        {
            return "text/plain";
        }

        return Known.TryGetContentType(fileName, out var type) ? type : Binary;
    }
}
