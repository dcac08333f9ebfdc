namespace Cairn.Core.Serving;

/// <summary>
/// The write side of the prediction log. <see cref="TryRecord"/> never blocks and never touches storage:
/// it hands the record to a bounded buffer that a background writer drains in batches. It returns false
/// when the record was dropped (buffer full, or not sampled); drops are counted in the metrics.
/// </summary>
public interface IPredictionLog
{
    bool TryRecord(PredictionRecord record);

    PredictionLogStats Stats { get; }
}
