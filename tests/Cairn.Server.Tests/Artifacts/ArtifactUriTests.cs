using Cairn.Core.Artifacts;
using Cairn.Core.Errors;

namespace Cairn.Server.Tests.Artifacts;

public sealed class ArtifactUriTests
{
    [Fact]
    public void Builders_UseTheProxySchemeWithAnEmptyNetloc()
    {
        Assert.Equal("mlflow-artifacts:/3", ArtifactUri.ForExperiment("3"));
        Assert.Equal("mlflow-artifacts:/3/abc/artifacts", ArtifactUri.ForRun("3", "abc"));
        Assert.Equal("mlflow-artifacts:/3/models/m-1/artifacts", ArtifactUri.ForLoggedModel("3", "m-1"));
        Assert.Equal("mlflow-artifacts:/3/abc/artifacts/model/MLmodel", ArtifactUri.Append("mlflow-artifacts:/3/abc/artifacts/", "model/MLmodel"));
    }

    [Theory]
    [InlineData("mlflow-artifacts:/3/abc/artifacts", "3/abc/artifacts")]
    [InlineData("mlflow-artifacts:///3/abc/artifacts/", "3/abc/artifacts")]
    [InlineData("mlflow-artifacts://127.0.0.1:5000/3/abc/artifacts", "3/abc/artifacts")]
    [InlineData("MLFLOW-ARTIFACTS:/3/a%20b", "3/a b")]
    [InlineData("mlflow-artifacts:/", "")]
    public void ToStorePath_MapsProxyUrisToStorePaths(string uri, string expected) =>
        Assert.Equal(expected, ArtifactUri.ToStorePath(uri));

    [Theory]
    [InlineData("s3://bucket/3/abc")]
    [InlineData("file:///tmp/x")]
    [InlineData("runs:/abc/model")]
    public void ToStorePath_OtherSchemes_AreNotServedHere(string uri)
    {
        Assert.Null(ArtifactUri.TryGetStorePath(uri));
        Assert.Equal(ErrorCode.InvalidParameterValue, Assert.Throws<CairnException>(() => ArtifactUri.ToStorePath(uri)).Code);
    }

    [Theory]
    [InlineData("mlflow-artifacts:/3/../../etc")]
    [InlineData("mlflow-artifacts:/3/%2e%2e/%2e%2e/etc")]
    [InlineData("mlflow-artifacts:/3/a%5c..%5cb")]
    public void ToStorePath_Traversal_IsInvalidParameter(string uri) =>
        Assert.Equal(ErrorCode.InvalidParameterValue, Assert.Throws<CairnException>(() => ArtifactUri.ToStorePath(uri)).Code);
}
