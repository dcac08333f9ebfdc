using Cairn.Core.Errors;

namespace Cairn.Serving.PredictionLog;

/// <summary>
/// Reads the prediction log column-wise for drift and performance jobs. Days and segments outside the
/// window are skipped by name, row groups by their timestamp statistics, and only the requested
/// Parquet columns are decoded. Records still in the writer's buffer are not visible (at most one
/// <see cref="PredictionLogOptions.FlushInterval"/> old).
/// </summary>
public sealed partial class PredictionLogReader(string root)
{
    public string Root => root;

    public async Task<PredictionLogColumns> ReadAsync(PredictionLogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Last is < 0)
        {
            throw CairnException.InvalidParameter($"Invalid value {query.Last} for 'last': it must not be negative.");
        }

        var from = query.From ?? long.MinValue;
        var to = query.To ?? long.MaxValue;
        if (from >= to || query.Last == 0)
        {
            return PredictionLogColumns.Empty;
        }

        var rows = new RowAccumulator(query);
        var segments = FindSegments(query.Deployment, from, to);
        if (query.Last is { } last)
        {
            // Newest segments first; once N rows are held, a segment entirely older than all of them cannot contribute.
            foreach (var segment in segments.OrderByDescending(s => s.Max))
            {
                if (rows.Count >= last && segment.Max < rows.MinTimestamp)
                {
                    break;
                }

                await ReadSegmentAsync(segment.Path, rows, from, to, cancellationToken);
            }
        }
        else
        {
            foreach (var segment in segments.OrderBy(s => s.Min))
            {
                await ReadSegmentAsync(segment.Path, rows, from, to, cancellationToken);
            }
        }

        return rows.Build(query.Last);
    }

    /// <summary>Segment files that may hold records in [from, to): day directories and file names carry the time range.</summary>
    private List<Segment> FindSegments(string deployment, long from, long to)
    {
        var segments = new List<Segment>();
        var deploymentDirectory = PredictionLogLayout.DeploymentDirectory(root, deployment);
        if (!Directory.Exists(deploymentDirectory))
        {
            return segments;
        }

        foreach (var dayDirectory in Directory.EnumerateDirectories(deploymentDirectory))
        {
            if (!PredictionLogLayout.TryParseDay(Path.GetFileName(dayDirectory), out var day))
            {
                continue;
            }

            var dayStart = PredictionLogLayout.DayStart(day);
            if (dayStart >= to || dayStart + 86_400_000 <= from)
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dayDirectory, "*" + PredictionLogLayout.Extension))
            {
                if (PredictionLogLayout.TryParseSegment(Path.GetFileName(file), out var min, out var max) && max >= from && min < to)
                {
                    segments.Add(new Segment(file, min, max));
                }
            }
        }

        return segments;
    }

    private sealed record Segment(string Path, long Min, long Max);
}
