using Cairn.Core.Artifacts;
using Cairn.Server.Mlflow;

namespace Cairn.Server.Ui.Pages.Runs;

/// <summary>One entry of a run's artifact tree, with its path relative to the run's artifact root.</summary>
public sealed record ArtifactNode(string Path, string Name, bool IsDirectory, long? Size, int Depth);

/// <summary>
/// A run's artifacts as a flat, depth-first list (directories before their contents), read with the same
/// listing the artifacts API uses; bounded so that a run with a huge tree cannot slow the page down.
/// </summary>
public static class ArtifactTree
{
    public const int MaxEntries = 500;
    public const int MaxDepth = 8;

    /// <summary>The tree under <paramref name="root"/> (a store path); Truncated when the bound was hit.</summary>
    public static async Task<(IReadOnlyList<ArtifactNode> Nodes, bool Truncated)> ListAsync(IArtifactStore store, string root, CancellationToken cancellationToken)
    {
        var nodes = new List<ArtifactNode>();
        var truncated = await WalkAsync(store, root, root, 0, nodes, cancellationToken);
        return (nodes, truncated);
    }

    private static async Task<bool> WalkAsync(IArtifactStore store, string root, string directory, int depth, List<ArtifactNode> nodes, CancellationToken cancellationToken)
    {
        var entries = await ArtifactsApi.ListDirectoryAsync(store, directory, cancellationToken);
        foreach (var entry in entries.OrderBy(e => e.IsDirectory ? 0 : 1).ThenBy(e => e.Path, StringComparer.Ordinal))
        {
            if (nodes.Count >= MaxEntries)
            {
                return true;
            }

            var relative = root.Length == 0 ? entry.Path : entry.Path[(root.Length + 1)..];
            nodes.Add(new ArtifactNode(relative, entry.Path[(entry.Path.LastIndexOf('/') + 1)..], entry.IsDirectory, entry.Size, depth));
            if (entry.IsDirectory)
            {
                if (depth + 1 >= MaxDepth || await WalkAsync(store, root, entry.Path, depth + 1, nodes, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
