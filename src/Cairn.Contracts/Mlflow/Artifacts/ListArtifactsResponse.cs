namespace Cairn.Contracts.Mlflow.Artifacts;

/// <summary>
/// <c>GET mlflow-artifacts/artifacts?path=</c>: entries are basenames relative to the listed directory.
/// A missing path answers <c>{}</c> (null <see cref="Files"/>).
/// </summary>
public sealed record ListArtifactsResponse
{
    public IReadOnlyList<ArtifactFileDto>? Files { get; init; }
}
