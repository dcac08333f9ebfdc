namespace Cairn.Contracts.Mlflow.Registry;

public sealed record CreateModelVersionRequest
{
    public string? Name { get; init; }
    public string? Source { get; init; }
    public string? RunId { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
    public string? RunLink { get; init; }
    public string? Description { get; init; }
    public string? ModelId { get; init; }
}

/// <summary>model-versions/get, /delete and /get-download-uri: <c>{name, version}</c>.</summary>
public sealed record ModelVersionKeyRequest
{
    public string? Name { get; init; }
    public string? Version { get; init; }
}

public sealed record ModelVersionResponse(ModelVersionDto ModelVersion);

public sealed record SearchModelVersionsRequest
{
    public string? Filter { get; init; }
    public long? MaxResults { get; init; }
    public IReadOnlyList<string>? OrderBy { get; init; }
    public string? PageToken { get; init; }
}

public sealed record SearchModelVersionsResponse
{
    public IReadOnlyList<ModelVersionDto>? ModelVersions { get; init; }
    public string? NextPageToken { get; init; }
}

public sealed record UpdateModelVersionRequest
{
    public string? Name { get; init; }
    public string? Version { get; init; }
    public string? Description { get; init; }
}

public sealed record TransitionModelVersionStageRequest
{
    public string? Name { get; init; }
    public string? Version { get; init; }
    public string? Stage { get; init; }
    public bool? ArchiveExistingVersions { get; init; }
}

public sealed record GetModelVersionDownloadUriResponse(string ArtifactUri);

public sealed record SetModelVersionTagRequest
{
    public string? Name { get; init; }
    public string? Version { get; init; }
    public string? Key { get; init; }
    public string? Value { get; init; }
}

public sealed record DeleteModelVersionTagRequest
{
    public string? Name { get; init; }
    public string? Version { get; init; }
    public string? Key { get; init; }
}
