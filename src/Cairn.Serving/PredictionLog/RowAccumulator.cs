using System.Globalization;
using Cairn.Data.Tables;

namespace Cairn.Serving.PredictionLog;

/// <summary>The rows a read has selected so far, column by column; <see cref="Build"/> orders them by time.</summary>
internal sealed class RowAccumulator
{
    private readonly List<string> _requestIds = [];
    private readonly List<long> _timestamps = [];
    private readonly List<string> _variants = [];
    private readonly List<bool> _shadow = [];
    private readonly List<string> _models = [];
    private readonly List<long> _versions = [];
    private readonly List<string?> _labels = [];
    private readonly List<double> _scores = [];
    private readonly List<string?> _probabilities = [];
    private readonly List<long> _latencies = [];
    private readonly Dictionary<string, FeatureAccumulator> _features = new(StringComparer.Ordinal);
    private readonly List<FeatureAccumulator> _featureOrder = [];
    private readonly HashSet<FeatureAccumulator> _touched = [];
    private int _groupRows;

    public RowAccumulator(PredictionLogQuery query)
    {
        Query = query;
        foreach (var name in query.Features ?? [])
        {
            Feature(name);
        }

        _touched.Clear();
    }

    public PredictionLogQuery Query { get; }

    public int Count => _timestamps.Count;

    public long MinTimestamp { get; private set; } = long.MaxValue;

    public void AddFixed(List<int> rows, long[] timestamps, string?[] variants, bool[] shadow, string?[] requestIds)
    {
        _groupRows = rows.Count;
        foreach (var r in rows)
        {
            _timestamps.Add(timestamps[r]);
            _variants.Add(variants[r] ?? "");
            _shadow.Add(shadow[r]);
            _requestIds.Add(requestIds[r] ?? "");
            MinTimestamp = Math.Min(MinTimestamp, timestamps[r]);
        }
    }

    public void AddModels(List<int> rows, string?[] models, long[] versions)
    {
        _models.AddRange(rows.Select(r => models[r] ?? ""));
        _versions.AddRange(rows.Select(r => versions[r]));
    }

    public void AddLabels(List<int> rows, string?[] labels) => _labels.AddRange(rows.Select(r => labels[r]));

    public void AddScores(List<int> rows, double[] scores) => _scores.AddRange(rows.Select(r => scores[r]));

    public void AddProbabilities(List<int> rows, string?[] probabilities) => _probabilities.AddRange(rows.Select(r => probabilities[r]));

    public void AddLatencies(List<int> rows, long[] latencies) => _latencies.AddRange(rows.Select(r => latencies[r]));

    /// <summary>The accumulator of a feature, created (with missing values for earlier rows) on first sight.</summary>
    public FeatureAccumulator Feature(string name)
    {
        if (!_features.TryGetValue(name, out var feature))
        {
            feature = new FeatureAccumulator(name);
            feature.AppendMissing(Count - _groupRows);
            _features[name] = feature;
            _featureOrder.Add(feature);
        }

        _touched.Add(feature);
        return feature;
    }

    /// <summary>Features absent from the group just read get missing values for its rows.</summary>
    public void EndGroup(int groupRows)
    {
        foreach (var feature in _featureOrder)
        {
            if (!_touched.Contains(feature))
            {
                feature.AppendMissing(groupRows);
            }
        }

        _touched.Clear();
        _groupRows = 0;
    }

    public PredictionLogColumns Build(int? last)
    {
        // Stable order by time (ties keep reading order), then the newest N if asked.
        var order = Enumerable.Range(0, Count).OrderBy(i => _timestamps[i]).ToArray();
        if (last is { } n && order.Length > n)
        {
            order = order[^n..];
        }

        var outputs = Query.Outputs;
        return new PredictionLogColumns
        {
            RequestIds = Pick(_requestIds, order),
            Timestamps = Pick(_timestamps, order),
            Variants = Pick(_variants, order),
            Shadow = Pick(_shadow, order),
            Models = outputs.HasFlag(PredictionOutputs.Model) ? Pick(_models, order) : null,
            Versions = outputs.HasFlag(PredictionOutputs.Model) ? Pick(_versions, order) : null,
            Labels = outputs.HasFlag(PredictionOutputs.Label) ? Pick(_labels, order) : null,
            Scores = outputs.HasFlag(PredictionOutputs.Score) ? Pick(_scores, order) : null,
            Probabilities = outputs.HasFlag(PredictionOutputs.Probabilities) ? [.. order.Select(i => ParseProbabilities(_probabilities[i]))] : null,
            LatencyMicros = outputs.HasFlag(PredictionOutputs.Latency) ? Pick(_latencies, order) : null,
            Features = new DataTable([.. _featureOrder.Select(f => f.ToColumn(order))]),
        };
    }

    private static T[] Pick<T>(List<T> values, int[] order) => [.. order.Select(i => values[i])];

    private static double[]? ParseProbabilities(string? text)
    {
        if (text is not { Length: >= 2 })
        {
            return null;
        }

        var body = text.AsSpan(1, text.Length - 2);
        if (body.IsEmpty)
        {
            return [];
        }

        var values = new List<double>();
        foreach (var range in body.Split(','))
        {
            values.Add(double.Parse(body[range], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return [.. values];
    }
}
