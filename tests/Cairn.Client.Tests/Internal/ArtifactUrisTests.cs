using Cairn.Client.Internal;

namespace Cairn.Client.Tests.Internal;

public sealed class ArtifactUrisTests
{
    [Theory]
    [InlineData("mlflow-artifacts:/1/abc/artifacts", "1/abc/artifacts")]
    [InlineData("mlflow-artifacts:/1/abc/artifacts/", "1/abc/artifacts")]
    [InlineData("mlflow-artifacts://otherhost:5000/1/abc/artifacts", "1/abc/artifacts")]
    [InlineData("mlflow-artifacts:/0/models/m-123/artifacts", "0/models/m-123/artifacts")]
    public void ToProxyPath_ProxiedUri_GivesThePathUnderTheProxy(string uri, string expected)
    {
        Assert.Equal(expected, ArtifactUris.ToProxyPath(uri));
    }

    [Theory]
    [InlineData("s3://bucket/1/abc/artifacts")]
    [InlineData("file:///tmp/mlruns/1/abc/artifacts")]
    public void ToProxyPath_NonProxiedUri_IsNotSupported(string uri)
    {
        Assert.Throws<NotSupportedException>(() => ArtifactUris.ToProxyPath(uri));
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("a/../../b")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    [InlineData("./a")]
    public void Normalize_PathEscapingTheRun_IsRejected(string path)
    {
        Assert.Throws<ArgumentException>(() => ArtifactUris.Normalize(path));
    }

    [Fact]
    public void Normalize_DropsEmptySegments()
    {
        Assert.Equal("model/data", ArtifactUris.Normalize("model//data/"));
        Assert.Equal(string.Empty, ArtifactUris.Normalize(null));
    }

    [Fact]
    public void ToRoute_EscapesEachSegment()
    {
        Assert.Equal("api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/my%20report%23.txt", ArtifactUris.ToRoute("1/abc/artifacts/my report#.txt"));
    }
}
