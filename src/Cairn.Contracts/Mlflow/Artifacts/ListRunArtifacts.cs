namespace Cairn.Contracts.Mlflow.Artifacts;

/// <summary>The legacy tracking route <c>GET /mlflow/artifacts/list?run_id=&amp;path=&amp;page_token=</c>.</summary>
public sealed record ListRunArtifactsRequest
{
    public string? RunId { get; init; }
    public string? RunUuid { get; init; }
    public string? Path { get; init; }
    public string? PageToken { get; init; }
}

/// <summary>
/// <c>{root_uri, files, next_page_token}</c>; file paths are relative to the root (<c>model/MLmodel</c>).
/// Also the answer of <c>logged-models/{id}/artifacts/directories</c>.
/// </summary>
public sealed record ListRunArtifactsResponse
{
    public string? RootUri { get; init; }
    public IReadOnlyList<ArtifactFileDto>? Files { get; init; }
    public string? NextPageToken { get; init; }
}
