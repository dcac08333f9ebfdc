using Cairn.Contracts.Mlflow.Tracking;

namespace Cairn.Contracts.Mlflow.LoggedModels;

/// <summary>MLflow's LoggedModelInfo. <c>model_type</c> is always written ("" when unset), as the real server does.</summary>
public sealed record LoggedModelInfoDto
{
    public required string ModelId { get; init; }
    public required string ExperimentId { get; init; }
    public required string Name { get; init; }
    public long CreationTimestampMs { get; init; }
    public long LastUpdatedTimestampMs { get; init; }
    public required string ArtifactUri { get; init; }
    public required string Status { get; init; }
    public string? ModelType { get; init; }
    public string? SourceRunId { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
    public IReadOnlyList<KeyValueDto>? Params { get; init; }
}

/// <summary>A logged model's data: the metrics runs logged against it; <c>{}</c> when there are none.</summary>
public sealed record LoggedModelDataDto
{
    public IReadOnlyList<MetricDto>? Metrics { get; init; }
}

public sealed record LoggedModelDto(LoggedModelInfoDto Info, LoggedModelDataDto Data);

/// <summary><c>{"model": {...}}</c>: the answer of create, get and finalize.</summary>
public sealed record LoggedModelResponse(LoggedModelDto Model);
