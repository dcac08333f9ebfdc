namespace Cairn.Contracts.Mlflow.Artifacts;

/// <summary>One listed artifact: <c>{"path": "notes.txt", "is_dir": false, "file_size": 15}</c> (no size for directories).</summary>
public sealed record ArtifactFileDto(string Path, bool IsDir)
{
    public long? FileSize { get; init; }
}
