namespace Cairn.Client.Internal;

/// <summary>The artifact proxy's list answer: <c>{"files":[{"path":"notes.txt","is_dir":false,"file_size":15}]}</c>.</summary>
internal sealed record ArtifactListResponse
{
    public IReadOnlyList<ArtifactListEntry>? Files { get; init; }
}

/// <summary>One entry; <see cref="Path"/> is the basename relative to the listed directory.</summary>
internal sealed record ArtifactListEntry
{
    public string? Path { get; init; }

    public bool? IsDir { get; init; }

    public long? FileSize { get; init; }
}
