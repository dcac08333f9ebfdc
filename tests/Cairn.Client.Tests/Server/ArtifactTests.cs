using Cairn.Testing;

namespace Cairn.Client.Tests.Server;

[Collection(ServerCollection.Name)]
public sealed class ArtifactTests(CairnServerFixture server) : IDisposable
{
    private readonly CairnClient _client = new(server.BaseAddress);
    private readonly TempDirectory _local = new("cairn-client-artifacts");

    public void Dispose()
    {
        _client.Dispose();
        _local.Dispose();
    }

    [Fact]
    public async Task LoggedArtifacts_AreListedAndDownloadedByteForByte()
    {
        var modelDir = Directory.CreateDirectory(Path.Combine(_local.Path, "model"));
        await File.WriteAllTextAsync(Path.Combine(modelDir.FullName, "MLmodel"), "flavors: {}\n");
        var weights = new byte[300_000];
        new Random(42).NextBytes(weights);
        Directory.CreateDirectory(Path.Combine(modelDir.FullName, "data"));
        await File.WriteAllBytesAsync(Path.Combine(modelDir.FullName, "data", "weights.bin"), weights);
        var report = Path.Combine(_local.Path, "report.html");
        await File.WriteAllTextAsync(report, "<h1>ok</h1>");

        string runId;
        await using (var run = await _client.StartRunAsync($"artifacts-{Guid.NewGuid():N}"))
        {
            runId = run.RunId;
            await run.LogArtifactAsync(modelDir.FullName);
            await run.LogArtifactAsync(report, "reports");
            await run.LogTextAsync("hello artifact\n", "notes.txt");
        }

        var root = await _client.ListArtifactsAsync(runId);
        Assert.Equal(["model", "notes.txt", "reports"], root.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.True(root.Single(f => f.Path == "model").IsDirectory);
        Assert.Equal(15, root.Single(f => f.Path == "notes.txt").FileSize);
        var data = await _client.ListArtifactsAsync(runId, "model/data");
        Assert.Equal(new ArtifactFileInfo("model/data/weights.bin", false, weights.Length), Assert.Single(data));

        using var downloaded = new MemoryStream();
        await _client.DownloadArtifactAsync(runId, "model/data/weights.bin", downloaded);
        Assert.Equal(weights, downloaded.ToArray());

        var target = Path.Combine(_local.Path, "download");
        var count = await _client.DownloadArtifactsAsync(runId, "model", target);
        Assert.Equal(2, count);
        Assert.Equal("flavors: {}\n", await File.ReadAllTextAsync(Path.Combine(target, "MLmodel")));
        Assert.Equal(weights, await File.ReadAllBytesAsync(Path.Combine(target, "data", "weights.bin")));
    }

    [Fact]
    public async Task ListArtifacts_MissingDirectory_IsEmpty()
    {
        await using var run = await _client.StartRunAsync($"artifacts-{Guid.NewGuid():N}");

        Assert.Empty(await _client.ListArtifactsAsync(run.RunId, "nothing/here"));
    }

    [Fact]
    public async Task UploadArtifact_FromAStream_CanBeDownloadedToAFile()
    {
        await using var run = await _client.StartRunAsync($"artifacts-{Guid.NewGuid():N}");
        using var content = new MemoryStream("a,b\n1,2\n"u8.ToArray());

        await _client.UploadArtifactAsync(run.RunId, "data/table.csv", content);
        var file = Path.Combine(_local.Path, "table.csv");
        await _client.DownloadArtifactToFileAsync(run.RunId, "data/table.csv", file);

        Assert.Equal("a,b\n1,2\n", await File.ReadAllTextAsync(file));
        Assert.False(File.Exists(file + ".part"));
    }
}
