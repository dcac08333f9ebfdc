using Cairn.Core.Serving;

namespace Cairn.Serving.PredictionLog;

/// <summary>
/// The records of one future segment (one deployment, one UTC day), held column by column. The writer
/// moves every record in here as soon as it leaves the buffer, so the record, its feature view and its
/// arrays die young; what waits for the flush is a few primitive lists and one string per record. Held
/// as records instead, ~10 objects per request outlived garbage collections and cost more than writing.
/// </summary>
internal sealed class SegmentBuffer(string deployment, DateOnly day)
{
    private readonly Dictionary<string, FeatureBuffer> _features = new(StringComparer.Ordinal);

    public string Deployment { get; } = deployment;

    public DateOnly Day { get; } = day;

    public int Count => Timestamps.Count;

    public List<string> RequestIds { get; } = [];
    public List<long> Timestamps { get; } = [];
    public List<string> Variants { get; } = [];
    public List<string> Models { get; } = [];
    public List<long> Versions { get; } = [];
    public List<bool> Shadow { get; } = [];
    public List<string?> Labels { get; } = [];
    public List<double> Scores { get; } = [];
    public List<string?> Probabilities { get; } = [];
    public List<long> Latencies { get; } = [];

    /// <summary>The features in the order they were first seen.</summary>
    public List<FeatureBuffer> Features { get; } = [];

    public void Add(PredictionRecord record)
    {
        var row = Count;
        RequestIds.Add(record.RequestId);
        Timestamps.Add(record.Timestamp);
        Variants.Add(record.Variant);
        Models.Add(record.Model);
        Versions.Add(record.Version);
        Shadow.Add(record.Shadow);
        Labels.Add(record.Label);
        Scores.Add(record.Score);
        Probabilities.Add(PredictionSegmentWriter.FormatProbabilities(record.Probabilities));
        Latencies.Add(record.LatencyMicros);

        // The concrete dictionary's struct enumerator avoids an allocation per record.
        if (record.Inputs is Dictionary<string, object?> inputs)
        {
            foreach (var (name, value) in inputs)
            {
                Feature(name).Set(row, value);
            }
        }
        else
        {
            foreach (var (name, value) in record.Inputs)
            {
                Feature(name).Set(row, value);
            }
        }
    }

    /// <summary>Row indexes in time order (stable, so equal timestamps keep their arrival order), or null when already sorted.</summary>
    public int[]? TimeOrder()
    {
        for (var i = 1; i < Timestamps.Count; i++)
        {
            if (Timestamps[i] < Timestamps[i - 1])
            {
                return [.. Enumerable.Range(0, Count).OrderBy(r => Timestamps[r])];
            }
        }

        return null;
    }

    private FeatureBuffer Feature(string name)
    {
        if (!_features.TryGetValue(name, out var feature))
        {
            feature = new FeatureBuffer(name);
            _features[name] = feature;
            Features.Add(feature);
        }

        return feature;
    }
}
