namespace Cairn.Client;

/// <summary>An entry of a run's artifact directory.</summary>
/// <param name="Path">The path relative to the run's artifact root, with '/' separators (e.g. <c>model/MLmodel</c>).</param>
/// <param name="IsDirectory">True for a directory.</param>
/// <param name="FileSize">The size in bytes of a file; null for a directory.</param>
public sealed record ArtifactFileInfo(string Path, bool IsDirectory, long? FileSize);
