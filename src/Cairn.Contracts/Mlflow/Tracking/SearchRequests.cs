namespace Cairn.Contracts.Mlflow.Tracking;

public sealed record GetMetricHistoryRequest
{
    public string? RunId { get; init; }
    public string? RunUuid { get; init; }
    public string? MetricKey { get; init; }
    public long? MaxResults { get; init; }
    public string? PageToken { get; init; }
}

public sealed record GetMetricHistoryResponse
{
    public IReadOnlyList<MetricDto>? Metrics { get; init; }
    public string? NextPageToken { get; init; }
}

public sealed record SearchRunsRequest
{
    public IReadOnlyList<string>? ExperimentIds { get; init; }
    public string? Filter { get; init; }
    public string? RunViewType { get; init; }
    public long? MaxResults { get; init; }
    public IReadOnlyList<string>? OrderBy { get; init; }
    public string? PageToken { get; init; }
}

public sealed record SearchRunsResponse
{
    public IReadOnlyList<RunDto>? Runs { get; init; }
    public string? NextPageToken { get; init; }
}
