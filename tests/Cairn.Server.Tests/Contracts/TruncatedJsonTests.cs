using System.Text.Json.Nodes;

namespace Cairn.Server.Tests.Contracts;

public sealed class TruncatedJsonTests
{
    [Fact]
    public void Parse_CompleteJson_IsOrdinaryJson()
    {
        var node = TruncatedJson.Parse("""{"a":[1,2],"b":"c"}""");

        Assert.Equal("""{"a":[1,2],"b":"c"}""", node!.ToJsonString());
    }

    [Fact]
    public void Parse_CutInsideAString_KeepsEverythingBeforeAndDropsTheHalfValue()
    {
        var node = TruncatedJson.Parse("""{"info":{"run_id":"abc","status":"RUN...<+120>""");

        Assert.Equal("""{"info":{"run_id":"abc"}}""", node!.ToJsonString());
    }

    [Fact]
    public void Parse_CutInsideAnArray_KeepsCompleteElementsAndThePartialOne()
    {
        var node = TruncatedJson.Parse("""{"metrics":[{"key":"a","step":1},{"key":"b","st...<+5000>""");

        var metrics = node!["metrics"]!.AsArray();
        Assert.Equal(2, metrics.Count);
        Assert.Equal("""{"key":"a","step":1}""", metrics[0]!.ToJsonString());
        Assert.Equal("""{"key":"b"}""", metrics[1]!.ToJsonString());
    }

    [Fact]
    public void Parse_CutRightAfterANumber_DropsTheNumberThatMayBeIncomplete()
    {
        var node = TruncatedJson.Parse("""{"a":"x","step":12...<+3>""");

        Assert.Equal("""{"a":"x"}""", node!.ToJsonString());
    }

    [Fact]
    public void Parse_EveryRecordedBody_IsJsonOrAFileDownload()
    {
        foreach (var file in ContractRecordings.Files)
        {
            foreach (var exchange in ContractRecordings.Load(file).Where(e => !e.IsArtifactDownload && e.ResponseBody.Length > 0))
            {
                var node = TruncatedJson.Parse(exchange.ResponseBody);
                Assert.True(node is JsonObject, $"{file} #{exchange.Index}: {exchange.ResponseBody}");
            }
        }
    }
}
