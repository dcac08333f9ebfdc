using Cairn.Client.Internal;
using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Tracking;

namespace Cairn.Client.Tests.Internal;

public sealed class LogBatchSplitterTests
{
    [Fact]
    public void Split_LargeBatch_StaysWithinEveryLimitAndKeepsOrder()
    {
        var metrics = Enumerable.Range(0, 2500).Select(i => new MetricDto { Key = "m", Value = i, Step = i, Timestamp = 1 }).ToList();
        var parameters = Enumerable.Range(0, 250).Select(i => new KeyValueDto { Key = $"p{i}", Value = "v" }).ToList();
        var tags = Enumerable.Range(0, 150).Select(i => new KeyValueDto { Key = $"t{i}", Value = "v" }).ToList();

        var requests = LogBatchSplitter.Split("run", metrics, parameters, tags).ToList();

        Assert.All(requests, r =>
        {
            Assert.Equal("run", r.RunId);
            Assert.True((r.Metrics?.Count ?? 0) <= 1000);
            Assert.True((r.Params?.Count ?? 0) <= 100);
            Assert.True((r.Tags?.Count ?? 0) <= 100);
            Assert.True((r.Metrics?.Count ?? 0) + (r.Params?.Count ?? 0) + (r.Tags?.Count ?? 0) <= 1000);
        });
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (double)i), requests.SelectMany(r => r.Metrics ?? []).Select(m => m.Value!.Value));
        Assert.Equal(parameters.Select(p => p.Key), requests.SelectMany(r => r.Params ?? []).Select(p => p.Key));
        Assert.Equal(tags.Select(t => t.Key), requests.SelectMany(r => r.Tags ?? []).Select(t => t.Key));
    }

    [Fact]
    public void Split_ExactlyOneFullMetricBatch_IsOneRequest()
    {
        var metrics = Enumerable.Range(0, 1000).Select(i => new MetricDto { Key = "m", Value = i }).ToList();

        var requests = LogBatchSplitter.Split("run", metrics, [], []).ToList();

        var single = Assert.Single(requests);
        Assert.Equal(1000, single.Metrics!.Count);
        Assert.Null(single.Params);
        Assert.Null(single.Tags);
    }

    [Fact]
    public void Split_NothingToLog_SendsNothing()
    {
        Assert.Empty(LogBatchSplitter.Split("run", [], [], []));
    }
}
