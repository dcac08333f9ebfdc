using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Registry;

namespace Cairn.Inference.Tests.Support;

/// <summary>Registers bundles the way the model.register step does: the zip in the artifact store, a version pointing at it.</summary>
public static class ModelRegistration
{
    public static async Task<long> RegisterAsync(IRegistryStore registry, IArtifactStore artifacts, string model, byte[] bundle)
    {
        try
        {
            await registry.CreateRegisteredModelAsync(new NewRegisteredModel { Name = model }, CancellationToken.None);
        }
        catch (CairnException e) when (e.Code == ErrorCode.ResourceAlreadyExists)
        {
            // A second version of a model registered earlier.
        }

        var path = $"registry/{model}/{Guid.NewGuid():N}/model.zip";
        using (var stream = new MemoryStream(bundle))
        {
            await artifacts.PutAsync(path, stream, CancellationToken.None);
        }

        var version = await registry.CreateModelVersionAsync(
            new NewModelVersion { Name = model, Source = ArtifactUri.FromStorePath(path) }, CancellationToken.None);
        return version.Version;
    }
}
