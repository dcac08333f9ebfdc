using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cairn.Contracts.Native.Datasets;

namespace Cairn.Cli.Commands;

/// <summary>Output helpers of <c>cairn data</c>: the datasets API's JSON, sizes and "name@version" references.</summary>
internal static class DataOutput
{
    private static readonly JsonSerializerOptions Options = new(DatasetsJsonContext.Default.Options)
    {
        WriteIndented = true,
        TypeInfoResolver = DatasetsJsonContext.Default,
    };

    public static void WriteJson<T>(TextWriter writer, T value) =>
        writer.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))));

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " GB",
    };

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Splits "name@version" ("name" alone means latest).</summary>
    public static (string Name, string Version) Reference(string reference)
    {
        var at = reference.LastIndexOf('@');
        var name = at < 0 ? reference : reference[..at];
        var version = at < 0 ? "latest" : reference[(at + 1)..];
        if (name.Length == 0 || version.Length == 0)
        {
            throw new CliUsageException($"'{reference}' is not a dataset reference; use name, name@version or name@tag.");
        }

        return (name, version);
    }

    public static string Short(string version) => version.Length > 12 ? version[..12] : version;
}
