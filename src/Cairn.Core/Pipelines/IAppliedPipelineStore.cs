namespace Cairn.Core.Pipelines;

/// <summary>
/// Applied pipelines: a spec the server keeps (with its file name, working directory and params) so its
/// triggers can start runs later, and the persisted state of each trigger, so a restart neither fires a
/// trigger again nor forgets what it has already seen.
/// </summary>
public interface IAppliedPipelineStore
{
    /// <summary>
    /// Stores or replaces the applied pipeline of <c>write.Name</c> in one transaction. A trigger whose
    /// key (its definition's hash) was already applied keeps its state; other triggers start fresh and
    /// triggers no longer in the spec are dropped.
    /// </summary>
    Task<AppliedPipeline> ApplyAsync(AppliedPipelineWrite write, CancellationToken cancellationToken);

    Task<AppliedPipeline?> GetAppliedAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every applied pipeline with its triggers, by name.</summary>
    Task<IReadOnlyList<AppliedPipeline>> ListAppliedAsync(CancellationToken cancellationToken);

    /// <summary>Saves the evaluation state of one trigger (by id); a trigger dropped by a re-apply in between is ignored.</summary>
    Task SaveTriggerStateAsync(TriggerState state, CancellationToken cancellationToken);
}

/// <summary>What applying a pipeline stores.</summary>
public sealed record AppliedPipelineWrite(
    string Name,
    string SpecText,
    string FileName,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyList<TriggerDefinitionWrite> Triggers);

/// <summary>One trigger of an applied spec: its identity (hash of its definition), kind, readable description and definition (JSON).</summary>
public sealed record TriggerDefinitionWrite(string Key, string Kind, string Description, string DefinitionJson);

/// <summary>An applied pipeline and the state of its triggers in spec order.</summary>
public sealed record AppliedPipeline(
    long Id,
    string Name,
    string SpecText,
    string FileName,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string> Params,
    long AppliedTime,
    IReadOnlyList<TriggerState> Triggers);

/// <summary>
/// One trigger's definition and what its evaluations remembered. Times are UTC milliseconds.
/// <see cref="LastReportId"/> and <see cref="Streak"/> are the monitor triggers' memory (each report is
/// considered once; the streak counts consecutive reports that agreed), <see cref="LastDatasetVersion"/>
/// the data trigger's, <see cref="Cursor"/> the cron trigger's (occurrences up to it were handled).
/// </summary>
public sealed record TriggerState
{
    public long Id { get; init; }

    public required string Pipeline { get; init; }

    public int Position { get; init; }

    public required string Key { get; init; }

    public required string Kind { get; init; }

    public required string Description { get; init; }

    public required string DefinitionJson { get; init; }

    public long? LastEvaluated { get; init; }

    public long? LastFired { get; init; }

    public string? LastRunId { get; init; }

    public long? CooldownUntil { get; init; }

    /// <summary>Why the trigger last fired, or why it did not (debouncing, cooling down, run still running).</summary>
    public string? LastReason { get; init; }

    public long? LastReportId { get; init; }

    public int Streak { get; init; }

    public string? LastDatasetVersion { get; init; }

    public long? Cursor { get; init; }
}
