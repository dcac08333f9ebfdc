namespace Cairn.Contracts.Native.Datasets;

/// <summary>A dataset version's statistical profile on the wire (see Cairn.Data's DatasetProfile for the semantics).</summary>
public sealed record DatasetProfileDto(long RowCount, IReadOnlyList<ColumnProfileDto> Columns)
{
    public int SampleCapacity { get; init; }
    public long SampleSeed { get; init; }
}

public sealed record ColumnProfileDto(string Name, string Type)
{
    public long Count { get; init; }
    public long Missing { get; init; }
    public double MissingRate { get; init; }
    public long Distinct { get; init; }
    public bool DistinctIsEstimate { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double? Mean { get; init; }
    public double? Std { get; init; }
    public QuantilesDto? Quantiles { get; init; }
    public HistogramDto? Histogram { get; init; }
    public bool Approximate { get; init; }
    public DateTime? MinTime { get; init; }
    public DateTime? MaxTime { get; init; }
    public IReadOnlyList<CategoryCountDto>? TopCategories { get; init; }
    public IReadOnlyList<CategoryCountDto>? CategoryCounts { get; init; }
    public IReadOnlyList<double>? Sample { get; init; }
}

public sealed record QuantilesDto(double P01, double P05, double P25, double P50, double P75, double P95, double P99);

public sealed record HistogramDto(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts);

public sealed record CategoryCountDto(string Value, long Count);
