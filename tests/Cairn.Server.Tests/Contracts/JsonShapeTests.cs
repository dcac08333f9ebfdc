using System.Text.Json.Nodes;

namespace Cairn.Server.Tests.Contracts;

public sealed class JsonShapeTests
{
    private static IReadOnlyList<string> Compare(string recorded, string actual) =>
        JsonShape.Compare(JsonNode.Parse(recorded), JsonNode.Parse(actual));

    [Fact]
    public void Compare_SameShapeWithOtherValuesAndExtraFields_Matches()
    {
        var differences = Compare(
            """{"run":{"info":{"run_id":"abc","start_time":1,"status":"RUNNING"},"data":{"tags":[{"key":"a","value":"b"}]}}}""",
            """{"run":{"info":{"run_id":"xyz","start_time":99,"status":"FINISHED","extra":true},"data":{"tags":[{"key":"c","value":"d"}],"params":[]}}}""");

        Assert.Empty(differences);
    }

    [Fact]
    public void Compare_MissingField_IsReportedWithItsPath()
    {
        var differences = Compare("""{"run":{"info":{"run_id":"a","run_name":"n"}}}""", """{"run":{"info":{"run_id":"a"}}}""");

        var difference = Assert.Single(differences);
        Assert.StartsWith("$.run.info.run_name: missing (recorded string", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_WrongType_IsReported()
    {
        var differences = Compare("""{"version":"1","step":0,"ok":true}""", """{"version":1,"step":"0","ok":"true"}""");

        Assert.Equal(3, differences.Count);
        Assert.Contains(differences, d => d.StartsWith("$.version: expected string, got number", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("$.step: expected number, got string", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("$.ok: expected boolean, got string", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_EmptyArrayWhereElementsWereRecorded_IsReported()
    {
        var differences = Compare("""{"runs":[{"info":{}}]}""", """{"runs":[]}""");

        Assert.Contains("got an empty array", Assert.Single(differences), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ArrayElementsOfAnotherShape_AreReported()
    {
        var differences = Compare("""{"metrics":[{"key":"a","value":1.0,"step":0}]}""", """{"metrics":[{"key":"a","value":"1.0"}]}""");

        Assert.Contains(differences, d => d.Contains("$.metrics[0]: no element of ours has the recorded shape", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("$.metrics[0].value: expected number, got string", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("$.metrics[0].step: missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_HeterogeneousArray_MatchesElementsInAnyOrder()
    {
        var differences = Compare(
            """{"files":[{"path":"cfg","is_dir":true},{"path":"notes.txt","is_dir":false,"file_size":15}]}""",
            """{"files":[{"path":"notes.txt","is_dir":false,"file_size":15},{"path":"cfg","is_dir":true}]}""");

        Assert.Empty(differences);
    }

    [Fact]
    public void Compare_ObjectWhereNothingCameBack_IsReported()
    {
        var differences = JsonShape.Compare(JsonNode.Parse("""{"experiment":{"name":"x"}}"""), JsonNode.Parse("{}"));

        Assert.StartsWith("$.experiment: missing (recorded object", Assert.Single(differences), StringComparison.Ordinal);
    }
}
