namespace Cairn.Core.Datasets;

/// <summary>The result of adding a version: the stored version and whether it was new (false: identical bytes were already there).</summary>
public sealed record DatasetVersionWrite(DatasetVersion Version, bool Created);
