namespace Cairn.Contracts.Mlflow.Registry;

public sealed record SetRegisteredModelAliasRequest
{
    public string? Name { get; init; }
    public string? Alias { get; init; }
    public string? Version { get; init; }
}

/// <summary>DELETE registered-models/alias and GET registered-models/alias: <c>{name, alias}</c>.</summary>
public sealed record RegisteredModelAliasRequest
{
    public string? Name { get; init; }
    public string? Alias { get; init; }
}
