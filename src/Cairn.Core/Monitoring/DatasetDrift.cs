namespace Cairn.Core.Monitoring;

/// <summary>Evidently's dataset-level rule: drift when the share of drifted columns reaches <see cref="DriftShare"/> (default 0.5).</summary>
public sealed record DatasetDrift
{
    public required IReadOnlyList<ColumnDrift> Columns { get; init; }

    public required int DriftedColumns { get; init; }

    /// <summary>Drifted columns / tested columns (0 when none was tested).</summary>
    public required double Share { get; init; }

    public required double DriftShare { get; init; }

    public required bool Drifted { get; init; }
}
