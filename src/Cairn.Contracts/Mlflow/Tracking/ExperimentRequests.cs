namespace Cairn.Contracts.Mlflow.Tracking;

public sealed record CreateExperimentRequest
{
    public string? Name { get; init; }
    public string? ArtifactLocation { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
}

public sealed record CreateExperimentResponse(string ExperimentId);

public sealed record GetExperimentRequest
{
    public string? ExperimentId { get; init; }
}

public sealed record GetExperimentByNameRequest
{
    public string? ExperimentName { get; init; }
}

public sealed record GetExperimentResponse(ExperimentDto Experiment);

public sealed record SearchExperimentsRequest
{
    public long? MaxResults { get; init; }
    public string? PageToken { get; init; }
    public string? Filter { get; init; }
    public IReadOnlyList<string>? OrderBy { get; init; }
    public string? ViewType { get; init; }
}

public sealed record SearchExperimentsResponse
{
    public IReadOnlyList<ExperimentDto>? Experiments { get; init; }
    public string? NextPageToken { get; init; }
}

public sealed record UpdateExperimentRequest
{
    public string? ExperimentId { get; init; }
    public string? NewName { get; init; }
}

public sealed record ExperimentIdRequest
{
    public string? ExperimentId { get; init; }
}

public sealed record SetExperimentTagRequest
{
    public string? ExperimentId { get; init; }
    public string? Key { get; init; }
    public string? Value { get; init; }
}

public sealed record DeleteExperimentTagRequest
{
    public string? ExperimentId { get; init; }
    public string? Key { get; init; }
}
