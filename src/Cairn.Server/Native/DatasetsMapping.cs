using System.Text.Json;
using Cairn.Contracts.Native.Datasets;
using Cairn.Core.Datasets;

namespace Cairn.Server.Native;

/// <summary>Domain to wire. Schema and profile are stored as JSON in exactly the wire shape, so they are read straight into the DTOs.</summary>
internal static class DatasetsMapping
{
    public static DatasetVersionDto ToDto(DatasetVersion v, bool includeSamples)
    {
        var profile = v.ProfileJson is { } json ? JsonSerializer.Deserialize(json, DatasetsJsonContext.Default.DatasetProfileDto) : null;
        if (profile is not null && !includeSamples)
        {
            profile = profile with { Columns = [.. profile.Columns.Select(c => c with { Sample = null })] };
        }

        return new DatasetVersionDto(v.Name, v.Version, v.Format)
        {
            SourceUri = v.SourceUri,
            RowCount = v.RowCount,
            ColumnCount = v.ColumnCount,
            SizeBytes = v.SizeBytes,
            CreatedAtMs = v.CreatedAtMs,
            Tags = v.Tags,
            Schema = JsonSerializer.Deserialize(v.SchemaJson, DatasetsJsonContext.Default.DatasetSchemaDto),
            Profile = profile,
        };
    }

    public static DatasetSummaryDto ToDto(DatasetSummary s) => new(s.Name, s.CreatedAtMs, s.VersionCount)
    {
        LatestVersion = s.LatestVersion,
        LatestCreatedAtMs = s.LatestCreatedAtMs,
        Tags = s.Tags.Count == 0 ? null : s.Tags,
    };
}
