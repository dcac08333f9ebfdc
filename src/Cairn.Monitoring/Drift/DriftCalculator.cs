using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Drift;

/// <summary>Per-column drift tests with Evidently's defaults and its dataset-level rule.</summary>
public static class DriftCalculator
{
    /// <summary>Tests every current column that has a reference (columns are matched by name).</summary>
    public static DatasetDrift Compute(IReadOnlyList<DriftReferenceColumn> reference, IReadOnlyList<DriftCurrentColumn> current, DriftOptions? options = null) =>
        throw new NotImplementedException();

    public static ColumnDrift ComputeColumn(DriftReferenceColumn reference, DriftCurrentColumn current, DriftOptions? options = null) =>
        throw new NotImplementedException();
}
