using Cairn.Cli;
using Cairn.Testing;
using Cairn.Testing.Deployments;
using Cairn.Training.Bundles;
using Cairn.Training.Onnx;

namespace Cairn.Server.Tests.Onnx;

/// <summary><c>cairn models import-onnx</c> against a real server, through the SDK's ImportOnnxModelAsync.</summary>
[Collection(Deployments.DeploymentsCollection.Name)]
public sealed class ModelsImportOnnxCliTests(DeploymentsServerFixture server)
{
    [Fact]
    public async Task ImportOnnx_Cli_RegistersAVersion_AndPrintsIt()
    {
        using var directory = new TempDirectory("cairn-onnx-cli");
        using (var stream = new MemoryStream(await SeattleModels.LightGbm))
        {
            await File.WriteAllBytesAsync(Path.Combine(directory.Path, "model.onnx"), OnnxModels.Export(await ModelBundle.LoadAsync(stream, CancellationToken.None)));
        }

        var name = "cli-onnx-" + Guid.NewGuid().ToString("N")[..8];
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CairnCli.RunAsync(
            ["models", "import-onnx", name, Path.Combine(directory.Path, "model.onnx"), "--task", "multiclass", "--class-labels", "drizzle,fog,rain,snow,sun", "--server", server.BaseAddress.ToString()],
            stdout,
            stderr,
            CancellationToken.None);
        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains($"Registered {name} version 1 (onnx", stdout.ToString(), StringComparison.Ordinal);

        using var bad = new StringWriter();
        var missing = await CairnCli.RunAsync(["models", "import-onnx", name, Path.Combine(directory.Path, "nope.onnx"), "--server", server.BaseAddress.ToString()], bad, bad, CancellationToken.None);
        Assert.Equal(2, missing);
    }
}
