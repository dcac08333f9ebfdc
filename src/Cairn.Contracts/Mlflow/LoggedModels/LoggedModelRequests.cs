using System.Text.Json.Serialization;

namespace Cairn.Contracts.Mlflow.LoggedModels;

/// <summary><c>POST /logged-models</c>.</summary>
public sealed record CreateLoggedModelRequest
{
    public string? ExperimentId { get; init; }
    public string? Name { get; init; }
    public string? ModelType { get; init; }
    public string? SourceRunId { get; init; }
    public IReadOnlyList<KeyValueDto>? Params { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
}

/// <summary><c>PATCH /logged-models/{model_id}</c>; the status may arrive as its name or its proto number.</summary>
public sealed record FinalizeLoggedModelRequest
{
    public string? ModelId { get; init; }

    [JsonConverter(typeof(EnumNameOrNumberConverter))]
    public string? Status { get; init; }
}

/// <summary><c>PATCH /logged-models/{model_id}/tags</c>.</summary>
public sealed record SetLoggedModelTagsRequest
{
    public string? ModelId { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
}

/// <summary><c>POST /logged-models/{model_id}/params</c>.</summary>
public sealed record LogLoggedModelParamsRequest
{
    public string? ModelId { get; init; }
    public IReadOnlyList<KeyValueDto>? Params { get; init; }
}

/// <summary><c>GET /logged-models/{model_id}/artifacts/directories?artifact_directory_path=</c>.</summary>
public sealed record ListLoggedModelArtifactsRequest
{
    public string? ArtifactDirectoryPath { get; init; }
    public string? PageToken { get; init; }
}
