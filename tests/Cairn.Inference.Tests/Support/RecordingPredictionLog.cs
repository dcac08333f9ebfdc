using System.Collections.Concurrent;
using Cairn.Core.Serving;

namespace Cairn.Inference.Tests.Support;

/// <summary>A prediction log that keeps every record in memory, for assertions.</summary>
public sealed class RecordingPredictionLog : IPredictionLog
{
    public ConcurrentQueue<PredictionRecord> Records { get; } = new();

    public PredictionLogStats Stats => new(0, Records.Count, 0, 0);

    public bool TryRecord(PredictionRecord record)
    {
        Records.Enqueue(record);
        return true;
    }
}
