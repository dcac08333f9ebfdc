using Cairn.Core.Registry;
using Cairn.Server.Ui.Pages.Models;
using Cairn.Storage.Artifacts;
using Cairn.Testing;
using Cairn.Testing.Deployments;

namespace Cairn.Server.Tests.Ui.Models;

/// <summary>The version page's signature source: the bundle's manifest read from the real artifact store.</summary>
public sealed class BundleInfoTests : IDisposable
{
    private readonly TempDirectory _root = new("cairn-ui-bundle");

    [Fact]
    public async Task ReadAsync_ABundleInTheStore_GivesItsSignature()
    {
        var store = new LocalArtifactStore(_root.Path);
        using (var bundle = new MemoryStream(await SeattleModels.Baseline))
        {
            await store.PutAsync("registry/m/1/model.zip", bundle, CancellationToken.None);
        }

        var info = await BundleInfo.ReadAsync(store, Version("mlflow-artifacts:/registry/m/1/model.zip"), CancellationToken.None);

        Assert.Null(info.Note);
        Assert.Equal("registry/m/1/model.zip", info.StorePath);
        Assert.Equal(["precipitation", "temp_max", "temp_min", "wind"], info.Manifest!.Inputs.Select(i => i.Name).Order());
        Assert.Contains(info.Manifest.Outputs, o => o.Name == "probabilities");
    }

    [Theory]
    [InlineData("runs:/abc/model", "outside this server's artifact store")]
    [InlineData("mlflow-artifacts:/registry/m/9/model.zip", "No model bundle file")]
    public async Task ReadAsync_WithoutABundle_SaysWhy(string source, string note)
    {
        var info = await BundleInfo.ReadAsync(new LocalArtifactStore(_root.Path), Version(source), CancellationToken.None);
        Assert.Null(info.Manifest);
        Assert.Contains(note, info.Note);
    }

    [Fact]
    public async Task ReadAsync_AFileThatIsNoBundle_SaysSo()
    {
        var store = new LocalArtifactStore(_root.Path);
        using (var text = new MemoryStream("not a zip"u8.ToArray()))
        {
            await store.PutAsync("registry/m/2/model.zip", text, CancellationToken.None);
        }

        var info = await BundleInfo.ReadAsync(store, Version("mlflow-artifacts:/registry/m/2/model.zip"), CancellationToken.None);
        Assert.Null(info.Manifest);
        Assert.Contains("Not a valid model bundle", info.Note);
    }

    public void Dispose() => _root.Dispose();

    private static ModelVersion Version(string source) => new() { Name = "m", Version = 1, Source = source };
}
