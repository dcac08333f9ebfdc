using System.Globalization;

namespace Cairn.Serving.PredictionLog;

/// <summary>
/// Where segments live and what they are called:
/// <c>{root}/{deployment}/{yyyy-MM-dd}/{minTs}-{maxTs}-{writer}-{seq}.parquet</c>, timestamps in UTC
/// milliseconds (13 digits), so a reader skips days and segments outside a window from names alone.
/// Segments are written to a dot-prefixed temporary name and renamed, so readers never see half a file.
/// </summary>
public static class PredictionLogLayout
{
    public const string RequestId = "request_id";
    public const string Timestamp = "timestamp";
    public const string Variant = "variant";
    public const string Model = "model";
    public const string Version = "version";
    public const string Shadow = "shadow";
    public const string Label = "label";
    public const string Score = "score";
    public const string Probabilities = "probabilities";
    public const string LatencyMicros = "latency_us";

    /// <summary>A feature whose name is a reserved column is stored under this prefix.</summary>
    public const string CollisionPrefix = "input.";

    public const string Extension = ".parquet";

    private const string DateFormat = "yyyy-MM-dd";

    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RequestId, Timestamp, Variant, Model, Version, Shadow, Label, Score, Probabilities, LatencyMicros,
    };

    public static string FeatureColumn(string feature) => Reserved.Contains(feature) ? CollisionPrefix + feature : feature;

    public static string FeatureName(string column) =>
        column.StartsWith(CollisionPrefix, StringComparison.Ordinal) && Reserved.Contains(column[CollisionPrefix.Length..])
            ? column[CollisionPrefix.Length..]
            : column;

    /// <summary>
    /// Deployment names are validated upstream; escaping here still keeps any name inside the root
    /// (no separators, no leading dot) and maps distinct names to distinct directories.
    /// </summary>
    public static string DeploymentDirectory(string root, string deployment)
    {
        var safe = Uri.EscapeDataString(deployment);
        if (safe.StartsWith('.'))
        {
            safe = "%2E" + safe[1..];
        }

        return Path.Combine(root, safe);
    }

    public static DateOnly Day(long timestampMs) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddMilliseconds(timestampMs));

    public static long DayStart(DateOnly day) => (long)(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds;

    public static string DayDirectory(string deploymentDirectory, DateOnly day) =>
        Path.Combine(deploymentDirectory, day.ToString(DateFormat, CultureInfo.InvariantCulture));

    public static bool TryParseDay(string directoryName, out DateOnly day) =>
        DateOnly.TryParseExact(directoryName, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static string SegmentName(long minTimestamp, long maxTimestamp, string writerId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{minTimestamp:D13}-{maxTimestamp:D13}-{writerId}-{sequence:D6}{Extension}");

    /// <summary>Reads the time range from a segment name; false for names this layout did not produce.</summary>
    public static bool TryParseSegment(string fileName, out long minTimestamp, out long maxTimestamp)
    {
        minTimestamp = maxTimestamp = 0;
        if (fileName.StartsWith('.') || !fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = fileName.Split('-');
        return parts.Length >= 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out minTimestamp)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out maxTimestamp);
    }
}
