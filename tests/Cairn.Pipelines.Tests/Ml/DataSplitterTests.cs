using Cairn.Core.Errors;
using Cairn.Data.Tables;
using Cairn.Pipelines.Steps.Ml;

namespace Cairn.Pipelines.Tests.Ml;

public sealed class DataSplitterTests
{
    private static DataTable Table(int rows)
    {
        var start = new DateTime(2012, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return new DataTable(
        [
            // Dates in reverse file order, so a time split must sort rather than cut the file.
            new DataColumn { Schema = new ColumnSchema("date", ColumnType.DateTime), Times = [.. Enumerable.Range(0, rows).Select(i => (DateTime?)start.AddDays(rows - 1 - i))] },
            new DataColumn { Schema = new ColumnSchema("label", ColumnType.Categorical), Strings = [.. Enumerable.Range(0, rows).Select(i => i % 10 == 0 ? "rare" : "common")] },
        ]);
    }

    [Fact]
    public void RandomSplit_IsDisjoint_Complete_Sized_AndReproducibleForASeed()
    {
        var table = Table(100);
        var (train, test) = DataSplitter.Split(table, new SplitOptions { TestFraction = 0.25, Seed = 7 });
        Assert.Equal(25, test.Length);
        Assert.Equal(Enumerable.Range(0, 100), train.Concat(test).Order());
        Assert.Equal(test, DataSplitter.Split(table, new SplitOptions { TestFraction = 0.25, Seed = 7 }).Test);
        Assert.NotEqual(test, DataSplitter.Split(table, new SplitOptions { TestFraction = 0.25, Seed = 8 }).Test);
    }

    [Fact]
    public void StratifiedSplit_KeepsEachClassShareInTest()
    {
        var table = Table(100);
        var (train, test) = DataSplitter.Split(table, new SplitOptions { Strategy = "stratified", Label = "label", TestFraction = 0.2 });
        var labels = table["label"].Strings!;
        Assert.Equal(2, test.Count(r => labels[r] == "rare"));
        Assert.Equal(18, test.Count(r => labels[r] == "common"));
        Assert.Equal(80, train.Length);
    }

    [Fact]
    public void TimeSplit_ByDate_TrainsOnlyOnEarlierRows()
    {
        var table = Table(100);
        var cut = new DateTime(2012, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var (train, test) = DataSplitter.Split(table, new SplitOptions { Strategy = "time", OrderBy = "date", TrainUntil = cut });
        var dates = table["date"].Times!;
        Assert.All(train, r => Assert.True(dates[r] < cut));
        Assert.All(test, r => Assert.True(dates[r] >= cut));
        Assert.Equal(60, train.Length); // Jan (31) + Feb 2012 (29)
        Assert.Equal(100, train.Length + test.Length);
    }

    [Fact]
    public void TimeSplit_ByFraction_HoldsOutTheLatestRows()
    {
        var table = Table(10);
        var (train, test) = DataSplitter.Split(table, new SplitOptions { Strategy = "time", OrderBy = "date", TestFraction = 0.3 });
        var dates = table["date"].Times!;
        Assert.Equal(3, test.Length);
        Assert.True(train.Max(r => dates[r]) < test.Min(r => dates[r]));
    }

    [Fact]
    public void Split_WithBadOptions_NamesTheKey()
    {
        var table = Table(10);
        Assert.Contains("with.label", Assert.Throws<CairnException>(() => DataSplitter.Split(table, new SplitOptions { Strategy = "stratified" })).Message);
        Assert.Contains("with.order_by", Assert.Throws<CairnException>(() => DataSplitter.Split(table, new SplitOptions { Strategy = "time", OrderBy = "nope" })).Message);
        Assert.Contains("with.order_by", Assert.Throws<CairnException>(() => DataSplitter.Split(table, new SplitOptions { Strategy = "time", OrderBy = "label", TrainUntil = DateTime.UnixEpoch })).Message);
        Assert.Contains("with.strategy", Assert.Throws<CairnException>(() => DataSplitter.Split(table, new SplitOptions { Strategy = "magic" })).Message);
        Assert.Contains("with.test_fraction", Assert.Throws<CairnException>(() => DataSplitter.Split(table, new SplitOptions { TestFraction = 1.5 })).Message);
    }
}
