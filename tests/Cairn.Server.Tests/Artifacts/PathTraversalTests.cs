using System.Text;
using System.Text.Json;
using Cairn.Server.Tests.Tracking;
using Cairn.Testing;

namespace Cairn.Server.Tests.Artifacts;

/// <summary>
/// Every way of smuggling a path out of the artifact root must be a 400 that names the path, sent as raw
/// bytes on a socket because HttpClient would clean the URL up before sending it.
/// </summary>
[Collection(SqliteServerCollection.Name)]
public sealed class PathTraversalTests(CairnServerFixture server)
{
    private static readonly string Sentinel = "escape-" + Guid.NewGuid().ToString("N") + ".txt";

    public static TheoryData<string, string> Targets()
    {
        var data = new TheoryData<string, string>();
        foreach (var prefix in new[] { "/api/2.0/mlflow-artifacts", "/ajax-api/2.0/mlflow-artifacts" })
        {
            foreach (var method in new[] { "PUT", "GET", "DELETE" })
            {
                data.Add(method, $"{prefix}/artifacts/../../../{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/1/run/artifacts/../../../../../{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/1/../{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/%2e%2e/%2e%2e/{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/1/%2E%2E/%2E%2E/{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/..%2F..%2F{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/1/..%2f..%2f..%2f{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/..%5c..%5c{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/1/a%5Cb/{Sentinel}");
                data.Add(method, $"{prefix}/artifacts//tmp/{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/%2Ftmp%2F{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/C:/{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/1/./{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/1/%2e/{Sentinel}");
                data.Add(method, $"{prefix}/artifacts/1/..");
            }

            data.Add("GET", $"{prefix}/artifacts?path=../..");
            data.Add("GET", $"{prefix}/artifacts?path=1/../../etc");
            data.Add("GET", $"{prefix}/artifacts?path=%2Fetc");
            data.Add("GET", $"{prefix}/artifacts?path=..%5C..%5Cetc");
            data.Add("GET", $"{prefix}/artifacts?path=C:%5CWindows");
            data.Add("POST", $"{prefix}/mpu/create/../../{Sentinel}");
            data.Add("GET", $"{prefix}/presigned/%2e%2e/{Sentinel}");
        }

        data.Add("GET", "/api/2.0/mlflow/artifacts/list?run_id=00000000000000000000000000000000&path=../..");
        return data;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Traversal_IsInvalidParameter400NamingThePath(string method, string target)
    {
        var response = await RawHttp.SendAsync(server.BaseAddress, method, target, Encoding.UTF8.GetBytes("escaped!"));

        Assert.True(response.Status == 400, $"{method} {target} answered {response.Status}: {response.Body}");
        using var error = JsonDocument.Parse(response.Body);
        Assert.Equal("INVALID_PARAMETER_VALUE", error.RootElement.GetProperty("error_code").GetString());
        Assert.Contains("'path'", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertNothingEscaped();
    }

    [Fact]
    public async Task EncodedNul_IsRejected400()
    {
        // Kestrel itself refuses a NUL in the path before any endpoint runs (plain 400, no JSON body).
        var response = await RawHttp.SendAsync(server.BaseAddress, "PUT", $"/api/2.0/mlflow-artifacts/artifacts/1/{Sentinel}%00.png", [1]);

        Assert.Equal(400, response.Status);
        AssertNothingEscaped();
    }

    [Fact]
    public async Task EncodedNulInQuery_IsInvalidParameter400()
    {
        var response = await RawHttp.SendAsync(server.BaseAddress, "GET", "/api/2.0/mlflow-artifacts/artifacts?path=1%00/x");

        Assert.Equal(400, response.Status);
        Assert.Contains("INVALID_PARAMETER_VALUE", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiteralDotDotOnTheWire_NeverWritesOutsideTheRoot()
    {
        var targets = new[]
        {
            $"/api/2.0/mlflow-artifacts/artifacts/../../{Sentinel}",
            $"/api/2.0/mlflow-artifacts/artifacts/a/../../../../../../../../../../tmp/{Sentinel}",
        };
        foreach (var target in targets)
        {
            var response = await RawHttp.SendAsync(server.BaseAddress, "PUT", target, Encoding.UTF8.GetBytes("escaped!"));
            Assert.Equal(400, response.Status);
        }

        AssertNothingEscaped();
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), Sentinel)));
    }

    [Fact]
    public async Task OrdinaryNamesWithDots_AreAccepted()
    {
        var root = ArtifactHttp.NewRoot();
        var response = await RawHttp.SendAsync(server.BaseAddress, "PUT", $"/api/2.0/mlflow-artifacts/artifacts/{root}/..hidden/a..b/.env", [1]);
        var listing = await server.Http.ListOkAsync(root + "/..hidden/a..b");

        Assert.Equal(200, response.Status);
        Assert.Equal("""{"files":[{"path":".env","is_dir":false,"file_size":1}]}""", listing.Compact());
    }

    private void AssertNothingEscaped()
    {
        var home = new DirectoryInfo(server.Home);
        Assert.Empty(home.EnumerateFiles(Sentinel, SearchOption.AllDirectories));
        Assert.Empty(home.Parent!.EnumerateFiles(Sentinel, SearchOption.TopDirectoryOnly));
    }
}
