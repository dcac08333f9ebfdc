namespace Cairn.Data.Profiling;

/// <summary>A value and how many rows have it.</summary>
public sealed record CategoryCount(string Value, long Count);
