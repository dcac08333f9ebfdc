namespace Cairn.Core.Registry;

/// <summary>What the registry needs to know about an MLflow 3.x logged model (<c>m-...</c>).</summary>
public sealed record LoggedModelReference(string ModelId, string ExperimentId, string? SourceRunId, string ArtifactUri);
