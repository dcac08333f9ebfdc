using System.Globalization;
using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Tracking;

namespace Cairn.Tracking.Validation;

/// <summary>
/// Input rules of the tracking API, with MLflow's wording so its users recognise them. Every rule
/// names the field and what is wrong; nothing reaches the store unvalidated.
/// </summary>
public static class TrackingValidator
{
    public static void ValidateKey(string kind, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw CairnException.MissingParameter("key");
        }

        if (key.Length > TrackingLimits.MaxKeyLength)
        {
            throw CairnException.InvalidParameter(
                $"{Capitalize(kind)} key '{key[..20]}...' had length {key.Length}, which exceeded length limit of {TrackingLimits.MaxKeyLength}.");
        }

        foreach (var c in key)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or ':' or '/'))
            {
                throw CairnException.InvalidParameter(
                    $"Invalid {kind} name: '{key}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).");
            }
        }

        // MLflow stores keys as paths in some stores, so it refuses names that are not unique paths.
        if (key.StartsWith('/') || key.EndsWith('/') || key.Contains("//", StringComparison.Ordinal)
            || key.Split('/').Any(segment => segment is "." or ".."))
        {
            throw CairnException.InvalidParameter(
                $"Invalid {kind} name: '{key}'. Names cannot contain '.', '..' or empty path segments, nor start or end with '/'.");
        }
    }

    public static void ValidateValue(string kind, string key, string? value, int maxLength)
    {
        if (value is null)
        {
            throw CairnException.MissingParameter("value");
        }

        if (value.Length > maxLength)
        {
            throw CairnException.InvalidParameter(
                $"{Capitalize(kind)} value '{value[..Math.Min(value.Length, 20)]}...' had length {value.Length}, which exceeded length limit of {maxLength} (key '{key}').");
        }
    }

    public static void ValidateMetric(Metric metric) => ValidateKey("metric", metric.Key);

    public static void ValidateBatch(LogBatch batch)
    {
        if (batch.Metrics.Count > TrackingLimits.MaxMetricsPerBatch)
        {
            throw LimitExceeded("metrics", batch.Metrics.Count, TrackingLimits.MaxMetricsPerBatch);
        }

        if (batch.Params.Count > TrackingLimits.MaxParamsPerBatch)
        {
            throw LimitExceeded("params", batch.Params.Count, TrackingLimits.MaxParamsPerBatch);
        }

        if (batch.Tags.Count > TrackingLimits.MaxTagsPerBatch)
        {
            throw LimitExceeded("tags", batch.Tags.Count, TrackingLimits.MaxTagsPerBatch);
        }

        var total = batch.Metrics.Count + batch.Params.Count + batch.Tags.Count;
        if (total > TrackingLimits.MaxEntitiesPerBatch)
        {
            throw CairnException.InvalidParameter(
                $"A batch logging request can contain at most {TrackingLimits.MaxEntitiesPerBatch} metrics, params and tags in total. Got {total}.");
        }

        foreach (var metric in batch.Metrics)
        {
            ValidateMetric(metric);
        }

        foreach (var param in batch.Params)
        {
            ValidateKey("param", param.Key);
            ValidateValue("param", param.Key, param.Value, TrackingLimits.MaxParamValueLength);
        }

        var conflicting = batch.Params.GroupBy(p => p.Key, StringComparer.Ordinal)
            .Where(g => g.Select(p => p.Value).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key)
            .ToList();
        if (conflicting.Count > 0)
        {
            throw CairnException.InvalidParameter(
                $"Duplicate parameter keys have been submitted with different values: [{string.Join(", ", conflicting.Select(k => $"'{k}'"))}]. " +
                "Please ensure the request contains only one param value per param key.");
        }

        foreach (var tag in batch.Tags)
        {
            ValidateKey("tag", tag.Key);
            ValidateValue("tag", tag.Key, tag.Value, TrackingLimits.MaxTagValueLength);
        }
    }

    public static void ValidateExperimentName(string? name, string field = "name")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw CairnException.MissingParameter(field);
        }

        if (name.Length > TrackingLimits.MaxExperimentNameLength)
        {
            throw CairnException.InvalidParameter(
                $"Experiment name had length {name.Length}, which exceeded length limit of {TrackingLimits.MaxExperimentNameLength}.");
        }
    }

    public static void ValidateExperimentTags(IReadOnlyList<KeyValue> tags)
    {
        foreach (var tag in tags)
        {
            ValidateKey("tag", tag.Key);
            ValidateValue("tag", tag.Key, tag.Value, TrackingLimits.MaxExperimentTagValueLength);
        }
    }

    public static void ValidateRunTags(IReadOnlyList<KeyValue> tags)
    {
        foreach (var tag in tags)
        {
            ValidateKey("tag", tag.Key);
            ValidateValue("tag", tag.Key, tag.Value, TrackingLimits.MaxTagValueLength);
        }
    }

    public static void ValidateRunId(string runId)
    {
        if (!Ids.IsRunId(runId))
        {
            throw CairnException.NotFound($"Run with id={runId} not found");
        }
    }

    public static int ValidateMaxResults(long? maxResults, int defaultValue, int limit, string field = "max_results")
    {
        if (maxResults is null or 0)
        {
            return defaultValue;
        }

        if (maxResults < 0 || maxResults > limit)
        {
            throw CairnException.InvalidParameter(
                $"Invalid value {maxResults.Value.ToString(CultureInfo.InvariantCulture)} for parameter '{field}' supplied. It must be between 1 and {limit}.");
        }

        return (int)maxResults.Value;
    }

    private static CairnException LimitExceeded(string what, int count, int limit) =>
        CairnException.InvalidParameter($"A batch logging request can contain at most {limit} {what}. Got {count} {what}.");

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
