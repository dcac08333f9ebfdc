namespace Cairn.Core.Artifacts;

/// <summary>A listed artifact: its path relative to the store root, whether it is a directory, and its size.</summary>
public sealed record ArtifactEntry(string Path, bool IsDirectory, long? Size);
