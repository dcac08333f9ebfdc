using Cairn.Core.Monitoring;
using Cairn.Monitoring.Drift;

namespace Cairn.Monitoring.Monitors;

/// <summary>Stored drift overrides (Core) → the drift calculator's options.</summary>
internal static class DriftOptionsMapping
{
    public static DriftOptions ToOptions(DriftSettings s) => new()
    {
        Method = s.Method,
        Threshold = s.Threshold,
        NumericMethod = s.NumericMethod,
        NumericThreshold = s.NumericThreshold,
        CategoricalMethod = s.CategoricalMethod,
        CategoricalThreshold = s.CategoricalThreshold,
        PerColumn = s.PerColumn.ToDictionary(kv => kv.Key, kv => new ColumnDriftOverride(kv.Value.Method, kv.Value.Threshold)),
        DriftShare = s.DriftShare ?? DriftOptions.Default.DriftShare,
    };
}
