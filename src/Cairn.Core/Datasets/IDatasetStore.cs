using Cairn.Core.Paging;

namespace Cairn.Core.Datasets;

/// <summary>Dataset names, their immutable versions and their tags in the metadata store.</summary>
public interface IDatasetStore
{
    /// <summary>Adds a version under its name (creating the name); idempotent: the same name and hash returns the existing version.</summary>
    Task<DatasetVersionWrite> AddVersionAsync(DatasetVersion version, CancellationToken cancellationToken);

    /// <summary>
    /// Resolves a version reference: "latest" (or null), a tag, the full hash or a unique hash prefix of
    /// at least 6 characters. Throws RESOURCE_DOES_NOT_EXIST for an unknown name or version.
    /// </summary>
    Task<DatasetVersion> GetVersionAsync(string name, string? reference, bool includeProfile, CancellationToken cancellationToken);

    Task<Page<DatasetSummary>> ListDatasetsAsync(int maxResults, string? pageToken, CancellationToken cancellationToken);

    /// <summary>The versions of a name, newest first, without profiles.</summary>
    Task<IReadOnlyList<DatasetVersion>> ListVersionsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Points a tag of the dataset at a version (moving it if it pointed elsewhere).</summary>
    Task<DatasetVersion> SetTagAsync(string name, string tag, string reference, CancellationToken cancellationToken);

    Task DeleteTagAsync(string name, string tag, CancellationToken cancellationToken);
}
