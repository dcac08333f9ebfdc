using System.Globalization;
using System.Text.Json;

namespace Cairn.Pipelines.Tracking;

/// <summary>The name, version hash and row count a dataset artifact carries in its properties.</summary>
internal sealed record DatasetProperties(string Name, string Version, string? Profile)
{
    public static DatasetProperties? Read(string? propertiesJson)
    {
        if (string.IsNullOrWhiteSpace(propertiesJson))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(propertiesJson);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var profile = root.TryGetProperty("row_count", out var rows) && rows.TryGetInt64(out var count)
                ? "{\"num_rows\": " + count.ToString(CultureInfo.InvariantCulture) + "}"
                : null;
            return new DatasetProperties(name.GetString()!, version.GetString()!, profile);
        }
        catch (JsonException)
        {
            return null; // Properties are free-form step output: one that is not JSON names no dataset.
        }
    }
}
