namespace Cairn.Core.LoggedModels;

/// <summary>What a client supplies to create a logged model; the store assigns id, URI, status and times.</summary>
public sealed record NewLoggedModel
{
    public required string ExperimentId { get; init; }

    /// <summary>Null or empty gets a generated name, as MLflow does.</summary>
    public string? Name { get; init; }
    public string? SourceRunId { get; init; }
    public string? ModelType { get; init; }
    public IReadOnlyList<KeyValue> Tags { get; init; } = [];
    public IReadOnlyList<KeyValue> Params { get; init; } = [];
}
