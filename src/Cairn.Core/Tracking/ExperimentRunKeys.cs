namespace Cairn.Core.Tracking;

/// <summary>The metric and param keys that the active runs of an experiment use, sorted ordinally.</summary>
public sealed record ExperimentRunKeys(IReadOnlyList<string> MetricKeys, IReadOnlyList<string> ParamKeys);
