namespace Cairn.Contracts.Mlflow.LoggedModels;

/// <summary><c>POST /logged-models/search</c>.</summary>
public sealed record SearchLoggedModelsRequest
{
    public IReadOnlyList<string>? ExperimentIds { get; init; }
    public string? Filter { get; init; }
    public IReadOnlyList<LoggedModelDatasetDto>? Datasets { get; init; }
    public long? MaxResults { get; init; }
    public IReadOnlyList<LoggedModelOrderByDto>? OrderBy { get; init; }
    public string? PageToken { get; init; }
}

/// <summary>A dataset that restricts the metrics a search looks at.</summary>
public sealed record LoggedModelDatasetDto
{
    public string? DatasetName { get; init; }
    public string? DatasetDigest { get; init; }
}

/// <summary>One order key: <c>{"field_name": "metrics.acc", "ascending": false}</c>.</summary>
public sealed record LoggedModelOrderByDto
{
    public string? FieldName { get; init; }
    public bool? Ascending { get; init; }
    public string? DatasetName { get; init; }
    public string? DatasetDigest { get; init; }
}

/// <summary><c>{"models": [...], "next_page_token": "..."}</c>; <c>{}</c> when nothing matches.</summary>
public sealed record SearchLoggedModelsResponse
{
    public IReadOnlyList<LoggedModelDto>? Models { get; init; }
    public string? NextPageToken { get; init; }
}
