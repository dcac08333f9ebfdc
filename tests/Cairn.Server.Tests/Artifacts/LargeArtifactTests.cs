using System.Net;
using System.Security.Cryptography;
using Cairn.Server.Tests.Tracking;
using Cairn.Testing;

namespace Cairn.Server.Tests.Artifacts;

[Collection(SqliteServerCollection.Name)]
public sealed class LargeArtifactTests(CairnServerFixture server)
{
    // Larger than the server's 16 MB request limit, which artifact uploads must be exempt from.
    private const int Size = 40 * 1024 * 1024;

    [Fact]
    public async Task Upload_LargerThanRequestLimit_IsStreamedToDiskAndRoundTripsByteExact()
    {
        var root = ArtifactHttp.NewRoot();
        var content = new GatedContent(Size, gateAt: Size / 2);
        var upload = server.Http.PutAsync(ArtifactHttp.Proxy + "artifacts/" + root + "/model/model.bin", content);

        // Half the body has been sent and the client now waits. A server that buffers the body would have
        // nothing on disk yet; a streaming one has already written most of that half into its upload file.
        await content.FirstHalfSent.WaitAsync(TimeSpan.FromSeconds(60));
        var directory = Path.Combine(server.Home, "artifacts", root, "model");
        var written = await PollAsync(() => Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).Select(f => new FileInfo(f).Length).DefaultIfEmpty(0).Max()
            : 0, atLeast: Size / 2 - (1024 * 1024));
        content.Release();
        using var response = await upload;

        Assert.True(written >= Size / 2 - (1024 * 1024), $"only {written} bytes reached the disk while the upload was paused halfway");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var download = await server.Http.GetAsync(ArtifactHttp.Proxy + "artifacts/" + root + "/model/model.bin", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(Size, download.Content.Headers.ContentLength);
        await using var body = await download.Content.ReadAsStreamAsync();
        Assert.Equal(content.Sha256(), await SHA256.HashDataAsync(body));
    }

    private static async Task<long> PollAsync(Func<long> probe, long atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long value;
        while ((value = probe()) < atLeast && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return value;
    }

    /// <summary>Deterministic pseudo-random bytes of a known length that stop halfway until released.</summary>
    private sealed class GatedContent(int length, int gateAt) : HttpContent
    {
        private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstHalfSent => _halfSent.Task;

        public void Release() => _release.TrySetResult();

        public byte[] Sha256()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var chunk in Chunks())
            {
                hash.AppendData(chunk);
            }

            return hash.GetHashAndReset();
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var sent = 0;
            foreach (var chunk in Chunks())
            {
                if (sent == gateAt)
                {
                    await stream.FlushAsync();
                    _halfSent.TrySetResult();
                    await _release.Task.WaitAsync(TimeSpan.FromSeconds(120));
                }

                await stream.WriteAsync(chunk);
                sent += chunk.Length;
            }
        }

        protected override bool TryComputeLength(out long computed)
        {
            computed = length;
            return true;
        }

        private IEnumerable<byte[]> Chunks()
        {
            var random = new Random(42);
            var chunk = new byte[64 * 1024];
            for (var offset = 0; offset < length; offset += chunk.Length)
            {
                random.NextBytes(chunk);
                yield return chunk;
            }
        }
    }
}
