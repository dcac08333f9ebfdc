namespace Cairn.Contracts.Mlflow.Tracking;

public sealed record RunInfoDto
{
    public required string RunId { get; init; }
    public required string RunUuid { get; init; }
    public string? RunName { get; init; }
    public required string ExperimentId { get; init; }
    public string? UserId { get; init; }
    public required string Status { get; init; }
    public long? StartTime { get; init; }
    public long? EndTime { get; init; }
    public string? ArtifactUri { get; init; }
    public string? LifecycleStage { get; init; }
}

public sealed record RunDataDto
{
    public IReadOnlyList<MetricDto>? Metrics { get; init; }
    public IReadOnlyList<KeyValueDto>? Params { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
}

public sealed record RunInputsDto
{
    public IReadOnlyList<DatasetInputDto>? DatasetInputs { get; init; }
    public IReadOnlyList<ModelInputDto>? ModelInputs { get; init; }
}

public sealed record RunOutputsDto
{
    public IReadOnlyList<ModelOutputDto>? ModelOutputs { get; init; }
}

public sealed record RunDto
{
    public required RunInfoDto Info { get; init; }
    public required RunDataDto Data { get; init; }
    public RunInputsDto? Inputs { get; init; }
    public RunOutputsDto? Outputs { get; init; }
}
