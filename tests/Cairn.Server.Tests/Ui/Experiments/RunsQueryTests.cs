using Cairn.Core.Paging;
using Cairn.Server.Ui.Pages.Experiments;

namespace Cairn.Server.Tests.Ui.Experiments;

public sealed class RunsQueryTests
{
    private const string Path = "/experiments/3";

    [Fact]
    public void MetricAndParamColumns_QuoteTheirKeys_ForOrderBy()
    {
        Assert.Equal("metrics.`train.rmse`", RunColumn.Metric("train.rmse").OrderKey);
        Assert.Equal("params.`learning rate`", RunColumn.Param("learning rate").OrderKey);
        Assert.Equal("params.\"odd`key\"", RunColumn.Param("odd`key").OrderKey);
        Assert.Equal("start_time", RunColumn.Started.OrderKey);
    }

    [Fact]
    public void ColumnIds_RoundTripThroughTheQueryString()
    {
        Assert.Equal(RunColumn.Metric("a.b"), RunColumn.Parse("metrics.a.b"));
        Assert.Equal(RunColumn.Param("lr"), RunColumn.Parse(RunColumn.Param("lr").Id));
        Assert.Null(RunColumn.Parse("tags.x"));
        Assert.Null(RunColumn.Parse("metrics."));
    }

    [Fact]
    public void SortUrl_SortsAscendingFirst_ThenFlips_AndResetsThePage()
    {
        var rmse = RunColumn.Metric("rmse");
        var query = RunsQuery.From("params.model = 'lgbm'", null, PageToken.Encode(50), null, null);

        var first = query.SortUrl(Path, rmse);
        var flipped = (query with { Order = "metrics.`rmse` ASC" }).SortUrl(Path, rmse);

        Assert.Equal("/experiments/3?filter=params.model%20%3D%20%27lgbm%27&order=metrics.%60rmse%60%20ASC", first);
        Assert.Contains("order=metrics.%60rmse%60%20DESC", flipped, StringComparison.Ordinal);
        Assert.DoesNotContain("page=", first, StringComparison.Ordinal);
    }

    [Fact]
    public void SortedBy_ReadsTheDirection_AndDefaultsToStartTimeDescending()
    {
        Assert.False(new RunsQuery().SortedBy(RunColumn.Started));
        Assert.Null(new RunsQuery().SortedBy(RunColumn.RunName));
        Assert.True(new RunsQuery { Order = "metrics.`rmse`" }.SortedBy(RunColumn.Metric("rmse")));
        Assert.False(new RunsQuery { Order = "metrics.`rmse`  desc" }.SortedBy(RunColumn.Metric("rmse")));
        Assert.Null(new RunsQuery { Order = "metrics.`rmse` DESC" }.SortedBy(RunColumn.Metric("mae")));
    }

    [Fact]
    public void Paging_KeepsFilterOrderSizeAndColumns_AndComputesThePreviousPage()
    {
        var query = RunsQuery.From("metrics.rmse < 5", "run_name DESC", PageToken.Encode(100), 50, ["metrics.rmse", "", "metrics.rmse"]);

        var next = query.PageUrl(Path, PageToken.Encode(150));

        Assert.Equal(100, query.Offset);
        Assert.Equal(50, PageToken.Decode(query.PreviousPageToken));
        Assert.True(query.HasPreviousPage);
        Assert.Equal(["metrics.rmse"], query.Columns);
        Assert.Contains("filter=metrics.rmse%20%3C%205", next, StringComparison.Ordinal);
        Assert.Contains("order=run_name%20DESC", next, StringComparison.Ordinal);
        Assert.Contains("col=metrics.rmse", next, StringComparison.Ordinal);
        Assert.Contains("page=" + Uri.EscapeDataString(PageToken.Encode(150)), next, StringComparison.Ordinal);
        Assert.Null((query with { PageToken = PageToken.Encode(50) }).PreviousPageToken);
    }

    [Fact]
    public void PageSize_IsClamped_AndAForgedTokenCountsAsTheFirstPage()
    {
        Assert.Equal(RunsQuery.MaxPageSize, RunsQuery.From(null, null, null, 100_000, null).PageSize);
        Assert.Equal(1, RunsQuery.From(null, null, null, -3, null).PageSize);
        Assert.Equal(0, RunsQuery.From(null, null, "garbage", null, null).Offset);
    }

    [Fact]
    public void ChooseColumns_DefaultsToTheFirstKeysOfEachKind_OrKeepsThePickedOnes()
    {
        var metrics = Enumerable.Range(0, 9).Select(i => $"m{i}").ToList();
        string[] parameters = ["lr", "depth"];

        var defaults = new RunsQuery().ChooseColumns(metrics, parameters);
        var picked = RunsQuery.From(null, null, null, null, ["params.depth", "metrics.m3", "metrics.gone"]).ChooseColumns(metrics, parameters);

        Assert.Equal(RunsQuery.DefaultColumnsPerKind + 2, defaults.Count);
        Assert.Equal([RunColumn.Metric("m3"), RunColumn.Param("depth")], picked);
    }
}
