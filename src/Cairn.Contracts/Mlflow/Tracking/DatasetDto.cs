namespace Cairn.Contracts.Mlflow.Tracking;

public sealed record DatasetDto
{
    public string? Name { get; init; }
    public string? Digest { get; init; }
    public string? SourceType { get; init; }
    public string? Source { get; init; }
    public string? Schema { get; init; }
    public string? Profile { get; init; }
}

public sealed record DatasetInputDto
{
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
    public DatasetDto? Dataset { get; init; }
}

public sealed record ModelInputDto
{
    public string? ModelId { get; init; }
}

public sealed record ModelOutputDto
{
    public string? ModelId { get; init; }
    public long? Step { get; init; }
}
