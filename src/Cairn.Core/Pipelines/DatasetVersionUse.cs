namespace Cairn.Core.Pipelines;

/// <summary>
/// A step execution that read (<see cref="LineageEventKind.Input"/>) or published
/// (<see cref="LineageEventKind.Output"/>) an artifact naming a dataset version: the version's lineage.
/// </summary>
public sealed record DatasetVersionUse(
    long ExecutionId,
    string RunId,
    string PipelineName,
    string StepId,
    int Attempt,
    ExecutionState State,
    LineageEventKind Kind,
    string Slot,
    LineageArtifact Artifact,
    long RunCreatedTime,
    string? TrackingRunId);
