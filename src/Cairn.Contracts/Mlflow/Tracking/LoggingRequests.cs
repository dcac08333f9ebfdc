namespace Cairn.Contracts.Mlflow.Tracking;

public sealed record LogMetricRequest
{
    public string? RunId { get; init; }
    public string? RunUuid { get; init; }
    public string? Key { get; init; }
    public double? Value { get; init; }
    public long? Timestamp { get; init; }
    public long? Step { get; init; }
    public string? ModelId { get; init; }
    public string? DatasetName { get; init; }
    public string? DatasetDigest { get; init; }
}

public sealed record LogParamRequest
{
    public string? RunId { get; init; }
    public string? RunUuid { get; init; }
    public string? Key { get; init; }
    public string? Value { get; init; }
}

public sealed record SetTagRequest
{
    public string? RunId { get; init; }
    public string? RunUuid { get; init; }
    public string? Key { get; init; }
    public string? Value { get; init; }
}

public sealed record DeleteTagRequest
{
    public string? RunId { get; init; }
    public string? Key { get; init; }
}

public sealed record LogBatchRequest
{
    public string? RunId { get; init; }
    public IReadOnlyList<MetricDto>? Metrics { get; init; }
    public IReadOnlyList<KeyValueDto>? Params { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
}

public sealed record LogInputsRequest
{
    public string? RunId { get; init; }
    public IReadOnlyList<DatasetInputDto>? Datasets { get; init; }
    public IReadOnlyList<ModelInputDto>? Models { get; init; }
}

public sealed record LogOutputsRequest
{
    public string? RunId { get; init; }
    public IReadOnlyList<ModelOutputDto>? Models { get; init; }
}
