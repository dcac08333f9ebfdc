namespace Cairn.Contracts.Mlflow.Registry;

/// <summary>MLflow's ModelVersion; <c>version</c> is a string on the wire ("1").</summary>
public sealed record ModelVersionDto
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public long? CreationTimestamp { get; init; }
    public long? LastUpdatedTimestamp { get; init; }
    public string? UserId { get; init; }
    public string? CurrentStage { get; init; }
    public string? Description { get; init; }
    public string? Source { get; init; }
    public string? RunId { get; init; }
    public string? Status { get; init; }
    public string? StatusMessage { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
    public string? RunLink { get; init; }
    public IReadOnlyList<string>? Aliases { get; init; }
    public string? ModelId { get; init; }
}
