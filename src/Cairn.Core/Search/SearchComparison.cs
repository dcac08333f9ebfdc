namespace Cairn.Core.Search;

/// <summary>
/// One clause of a parsed filter, e.g. <c>metrics.acc &gt; 0.9</c>. Exactly one of <see cref="Number"/>,
/// <see cref="Text"/> or <see cref="List"/> is set, except for IS NULL / IS NOT NULL where none is.
/// Attribute keys are canonical (<c>run_id</c>, <c>run_name</c>, <c>status</c>, <c>user_id</c>,
/// <c>artifact_uri</c>, <c>start_time</c>, <c>end_time</c>, <c>name</c>, <c>creation_time</c>, ...).
/// </summary>
public sealed record SearchComparison(SearchEntity Entity, string Key, Comparator Comparator)
{
    public double? Number { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<string>? List { get; init; }
}
