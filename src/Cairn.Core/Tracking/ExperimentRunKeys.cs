namespace Cairn.Core.Tracking;

/// <summary>The metric and param keys that an experiment's latest active runs use, sorted ordinally.</summary>
public sealed record ExperimentRunKeys(IReadOnlyList<string> MetricKeys, IReadOnlyList<string> ParamKeys)
{
    /// <summary>Keys are read from this many of the latest runs, so that reading them costs the same in any experiment.</summary>
    public const int RecentRuns = 1000;
}
