using Cairn.Core.Serving;

namespace Cairn.Serving.Inference;

/// <summary>The default until a prediction log is registered: keeps nothing and says so (TryRecord is false).</summary>
public sealed class NullPredictionLog : IPredictionLog
{
    public PredictionLogStats Stats => default;

    public bool TryRecord(PredictionRecord record) => false;
}
