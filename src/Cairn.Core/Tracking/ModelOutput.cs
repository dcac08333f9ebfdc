namespace Cairn.Core.Tracking;

/// <summary>A logged model produced by a run, at a step.</summary>
public sealed record ModelOutput(string ModelId, long Step);
