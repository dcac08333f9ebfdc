using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Training.Bundles;

namespace Cairn.Server.Ui.Pages.Models;

/// <summary>
/// What a version page says about the files behind a model version: the bundle's manifest (signature,
/// task, trainer, metrics) when the version is a Cairn bundle in the artifact store, else why there is none.
/// </summary>
public sealed record BundleInfo(BundleManifest? Manifest, string? StorePath, string? Note)
{
    /// <summary>
    /// Reads <c>bundle.json</c> of the version's bundle (the model itself is not loaded). Versions whose
    /// files are elsewhere (another scheme) or are not a bundle (an MLflow model directory) get a note.
    /// </summary>
    public static async Task<BundleInfo> ReadAsync(IArtifactStore artifacts, ModelVersion version, CancellationToken cancellationToken)
    {
        string? path;
        try
        {
            path = ArtifactUri.TryGetStorePath(version.DownloadUri, "source");
        }
        catch (CairnException e)
        {
            return new BundleInfo(null, null, e.Message);
        }

        if (path is null)
        {
            return new BundleInfo(null, null, $"The files of this version are at '{version.DownloadUri}', outside this server's artifact store: no signature to show.");
        }

        await using var stream = await artifacts.OpenReadAsync(path, cancellationToken);
        if (stream is null)
        {
            return new BundleInfo(null, null, $"No model bundle file at '{path}' (an MLflow model directory, or a bundle that was deleted): no signature to show.");
        }

        try
        {
            return new BundleInfo(await ModelBundle.ReadManifestAsync(stream, cancellationToken), path, null);
        }
        catch (CairnException e)
        {
            return new BundleInfo(null, path, e.Message);
        }
    }
}
