using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cairn.Data.Import;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Cairn.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Datasets;

/// <summary>Uploads bigger than the JSON request limit stream through; uploads bigger than the data limit are refused with 413.</summary>
public sealed class LargeUploadTests : IAsyncLifetime
{
    private const long DataLimit = 40L * 1024 * 1024;
    private readonly TempDirectory _home = new("cairn-datasets-large");
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = CairnServer.Build(new ServerOptions { Port = 0, MaxRequestBodyBytes = 1024 * 1024 }, new StorageOptions { Home = _home.Path },
            b => b.Services.AddSingleton(new DatasetImportOptions { MaxBytes = DataLimit, TempDirectory = _home.Path }));
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = _app.BoundAddress() };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _home.Dispose();
    }

    [Fact]
    public async Task UploadLargerThanTheJsonLimit_IsStreamedAndImported()
    {
        // ~24 MB, produced while it is sent (chunked, no Content-Length): nothing holds it whole.
        using var response = await _http.PostAsync($"{DatasetsHttp.Api}/big/versions?format=csv", new GeneratedCsv(1_500_000));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("\"row_count\":1500000", body);
        Assert.Empty(Directory.GetFiles(_home.Path, "cairn-import-*"));
    }

    [Fact]
    public async Task UploadLargerThanTheDataLimit_Is413_AndLeavesNothing()
    {
        using var response = await _http.PostAsync($"{DatasetsHttp.Api}/huge/versions?format=csv", new GeneratedCsv(3_000_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("REQUEST_LIMIT_EXCEEDED", await response.Content.ReadAsStringAsync());
        using var versions = await _http.GetAsync($"{DatasetsHttp.Api}/huge/versions");
        Assert.Equal(HttpStatusCode.NotFound, versions.StatusCode);
        Assert.Empty(Directory.GetFiles(_home.Path, "cairn-import-*"));
    }

    /// <summary>A CSV body written row by row as the request is sent.</summary>
    private sealed class GeneratedCsv(int rows) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var builder = new StringBuilder("id,value,label\n");
            for (var i = 0; i < rows; i++)
            {
                builder.Append(i).Append(',').Append(i % 1000 * 0.5).Append(',').Append(i % 3 == 0 ? "a" : "b").Append('\n');
                if (builder.Length > 1 << 16)
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(builder.ToString()));
                    builder.Clear();
                }
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(builder.ToString()));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

    }
}
