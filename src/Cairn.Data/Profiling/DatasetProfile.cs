namespace Cairn.Data.Profiling;

/// <summary>
/// The statistical profile of one dataset version, computed in the same streaming pass that hashes
/// the file. It is also the drift reference of any model trained on the version: numeric columns
/// carry a reproducible uniform sample (<see cref="ColumnProfile.Sample"/>, up to
/// <see cref="SampleCapacity"/> values drawn with <see cref="SampleSeed"/>) for KS and Wasserstein
/// tests, and categorical and boolean columns carry their full category counts
/// (<see cref="ColumnProfile.CategoryCounts"/>) for chi-squared and PSI tests.
/// </summary>
public sealed record DatasetProfile
{
    public required long RowCount { get; init; }

    public required IReadOnlyList<ColumnProfile> Columns { get; init; }

    /// <summary>Largest sample kept per numeric column.</summary>
    public int SampleCapacity { get; init; }

    /// <summary>Seed of the sampling; with the same file it reproduces the same samples.</summary>
    public long SampleSeed { get; init; }

    public ColumnProfile? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
