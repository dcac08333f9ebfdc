using System.Net;
using Cairn.Testing;

namespace Cairn.Server.Tests.BadInput;

/// <summary>
/// Artifact paths that try to leave their place (.., absolute paths, backslashes, drive letters) are
/// 400, and no file appears outside the artifact root. Kestrel already resolves literal ".." segments
/// in the URL path before routing, so the traversal attempts here hide them behind %2F and %5C escapes
/// (which MLflow's server decodes) or send them in the query string.
/// </summary>
[Collection(BadInputCollections.Sqlite)]
public sealed class ArtifactPathTests(CairnServerFixture server)
{
    private readonly MlflowApi _api = new(server.Http);
    private readonly string _evil = $"evil-{Guid.NewGuid():N}.txt";

    private string ArtifactRoot => Path.Combine(server.Home, "artifacts");

    [Theory]
    [InlineData("{run}/..%2F..%2F..%2F..%2F{evil}")]
    [InlineData("{run}/sub%2F..%2F..%2F..%2F..%2F..%2F{evil}")]
    [InlineData("{run}/..%5C..%5C..%5C{evil}")]
    [InlineData("{run}/sub%5C{evil}")]
    [InlineData("/tmp/{evil}")]
    [InlineData("%2Ftmp%2F{evil}")]
    [InlineData("C:/{evil}")]
    public async Task Upload_ToEscapingPath_IsRejectedAndWritesNothing(string path)
    {
        var raw = await ArtifactUrlAsync(path);

        using var response = await _api.SendRawAsync(HttpMethod.Put, raw, new ByteArrayContent("pwned"u8.ToArray()));

        await MlflowAssert.InvalidAsync(response);
        AssertNoEvilFileAnywhere(allowInsideArtifactRoot: false);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Upload_WithLiteralDotSegments_NeverLeavesTheArtifactRoot(int ups)
    {
        var raw = await ArtifactUrlAsync("{run}/" + string.Concat(Enumerable.Repeat("../", ups)) + "{evil}");

        using var response = await _api.SendRawAsync(HttpMethod.Put, raw, new ByteArrayContent("pwned"u8.ToArray()));

        Assert.True((int)response.StatusCode < 500, $"{raw} -> {(int)response.StatusCode}");
        AssertNoEvilFileAnywhere(allowInsideArtifactRoot: true);
    }

    [Theory]
    [InlineData("{run}/..%2F..%2F..%2F..%2Fcairn.db")]
    [InlineData("{run}/..%5C..%5C..%5C..%5Ccairn.db")]
    [InlineData("%2Fetc%2Fpasswd")]
    public async Task Download_FromEscapingPath_IsRejected(string path)
    {
        var raw = await ArtifactUrlAsync(path);

        using var response = await _api.SendRawAsync(HttpMethod.Get, raw);

        await MlflowAssert.InvalidAsync(response);
    }

    [Theory]
    [InlineData("{run}/..%2F..%2F..%2F..%2Fcairn.db")]
    [InlineData("{run}/..%5C..%5Cx")]
    public async Task Delete_AtEscapingPath_IsRejected(string path)
    {
        var raw = await ArtifactUrlAsync(path);

        using var response = await _api.SendRawAsync(HttpMethod.Delete, raw);

        await MlflowAssert.InvalidAsync(response);
        Assert.True(File.Exists(Path.Combine(server.Home, "cairn.db")));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../..")]
    [InlineData("{exp}/../../..")]
    [InlineData("{exp}/{runid}/artifacts/../../../..")]
    [InlineData("/etc")]
    [InlineData("{exp}\\{runid}")]
    [InlineData("C:/Windows")]
    public async Task List_EscapingPath_IsRejected(string path)
    {
        var (experimentId, runId) = await _api.CreateExperimentAndRunAsync();
        var query = Uri.EscapeDataString(path.Replace("{exp}", experimentId, StringComparison.Ordinal).Replace("{runid}", runId, StringComparison.Ordinal));

        using var response = await _api.GetAsync($"{MlflowApi.ArtifactsPrefix}?path={query}");

        await MlflowAssert.InvalidAsync(response);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../../..")]
    [InlineData("model/../../..")]
    [InlineData("/etc")]
    [InlineData("a\\..\\..")]
    public async Task LegacyList_EscapingPath_IsRejected(string path)
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();

        using var response = await _api.GetAsync($"artifacts/list?run_id={runId}&path={Uri.EscapeDataString(path)}");

        await MlflowAssert.InvalidAsync(response);
    }

    /// <summary>"/api/2.0/mlflow-artifacts/artifacts/&lt;exp&gt;/&lt;run&gt;/artifacts/..." with {run} and {evil} filled in.</summary>
    private async Task<string> ArtifactUrlAsync(string path)
    {
        var (experimentId, runId) = await _api.CreateExperimentAndRunAsync();
        var filled = path
            .Replace("{run}", $"{experimentId}/{runId}/artifacts", StringComparison.Ordinal)
            .Replace("{evil}", _evil, StringComparison.Ordinal);
        return $"{MlflowApi.ArtifactsPrefix}/{filled}"; // an absolute path gives ".../artifacts//tmp/..."
    }

    private void AssertNoEvilFileAnywhere(bool allowInsideArtifactRoot)
    {
        var found = Directory.EnumerateFiles(server.Home, "*evil*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.GetDirectoryName(server.Home)!, _evil))
            .Concat(File.Exists(Path.Combine("/tmp", _evil)) ? [Path.Combine("/tmp", _evil)] : [])
            .Where(f => f.Contains(_evil, StringComparison.Ordinal))
            .Where(f => !allowInsideArtifactRoot || !Path.GetFullPath(f).StartsWith(ArtifactRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.True(found.Count == 0, "files written outside their place: " + string.Join(", ", found));
    }
}
