namespace Cairn.Core.Serving;

/// <summary>Counters of the prediction log, for metrics: buffered now, written, dropped (buffer full) and not sampled.</summary>
public readonly record struct PredictionLogStats(int QueueDepth, long Written, long Dropped, long NotSampled);
