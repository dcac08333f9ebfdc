namespace Cairn.Contracts.Mlflow.Registry;

public sealed record CreateRegisteredModelRequest
{
    public string? Name { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
    public string? Description { get; init; }
}

/// <summary>registered-models/get and registered-models/delete: <c>{name}</c>.</summary>
public sealed record RegisteredModelNameRequest
{
    public string? Name { get; init; }
}

public sealed record RegisteredModelResponse(RegisteredModelDto RegisteredModel);

public sealed record SearchRegisteredModelsRequest
{
    public string? Filter { get; init; }
    public long? MaxResults { get; init; }
    public IReadOnlyList<string>? OrderBy { get; init; }
    public string? PageToken { get; init; }
}

public sealed record SearchRegisteredModelsResponse
{
    public IReadOnlyList<RegisteredModelDto>? RegisteredModels { get; init; }
    public string? NextPageToken { get; init; }
}

public sealed record UpdateRegisteredModelRequest
{
    public string? Name { get; init; }
    public string? Description { get; init; }
}

public sealed record RenameRegisteredModelRequest
{
    public string? Name { get; init; }
    public string? NewName { get; init; }
}

public sealed record SetRegisteredModelTagRequest
{
    public string? Name { get; init; }
    public string? Key { get; init; }
    public string? Value { get; init; }
}

public sealed record DeleteRegisteredModelTagRequest
{
    public string? Name { get; init; }
    public string? Key { get; init; }
}

public sealed record GetLatestVersionsRequest
{
    public string? Name { get; init; }
    public IReadOnlyList<string>? Stages { get; init; }
}

/// <summary>A list of versions (get-latest-versions).</summary>
public sealed record ModelVersionsResponse
{
    public IReadOnlyList<ModelVersionDto>? ModelVersions { get; init; }
}
