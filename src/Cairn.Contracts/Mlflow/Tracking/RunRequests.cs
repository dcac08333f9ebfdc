namespace Cairn.Contracts.Mlflow.Tracking;

public sealed record CreateRunRequest
{
    public string? ExperimentId { get; init; }
    public string? UserId { get; init; }
    public string? RunName { get; init; }
    public long? StartTime { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
}

public sealed record RunResponse(RunDto Run);

public sealed record GetRunRequest
{
    public string? RunId { get; init; }
    public string? RunUuid { get; init; }
}

public sealed record UpdateRunRequest
{
    public string? RunId { get; init; }
    public string? RunUuid { get; init; }
    public string? Status { get; init; }
    public long? EndTime { get; init; }
    public string? RunName { get; init; }
}

public sealed record UpdateRunResponse(RunInfoDto RunInfo);

public sealed record RunIdRequest
{
    public string? RunId { get; init; }
}
