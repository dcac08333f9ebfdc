namespace Cairn.Data.Profiling;

/// <summary>Equal-width bins: <see cref="Edges"/> has one more entry than <see cref="Counts"/>; the last bin includes its upper edge.</summary>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts);
