namespace Cairn.Contracts.Mlflow.Registry;

/// <summary>MLflow's RegisteredModel; empty lists are left out (null), as protobuf JSON does.</summary>
public sealed record RegisteredModelDto
{
    public required string Name { get; init; }
    public long? CreationTimestamp { get; init; }
    public long? LastUpdatedTimestamp { get; init; }
    public string? UserId { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<ModelVersionDto>? LatestVersions { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
    public IReadOnlyList<RegisteredModelAliasDto>? Aliases { get; init; }
}

/// <summary>An alias of a registered model: <c>{"alias": "champion", "version": "3"}</c>.</summary>
public sealed record RegisteredModelAliasDto(string Alias, string Version);
