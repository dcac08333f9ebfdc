using System.Globalization;
using Cairn.Data.Profiling;
using Cairn.Data.Tables;

namespace Cairn.Data.Tests.Profiling;

public sealed class ProfileTests
{
    [Fact]
    public async Task Numbers_StatisticsQuantilesAndHistogram_MatchHandComputedValues()
    {
        // 1..10 shuffled plus two missing cells (NA and a quoted empty cell; a blank line is skipped).
        var (schema, profile) = await TestFiles.ProfileCsvAsync("x\n7\n3\nNA\n10\n1\n5\n\"\"\n2\n9\n4\n8\n6\n");
        var x = profile.Columns[0];

        Assert.True(schema.Columns[0].IsInteger);
        Assert.Equal(12, profile.RowCount);
        Assert.Equal(10, x.Count);
        Assert.Equal(2, x.Missing);
        Assert.Equal(2 / 12.0, x.MissingRate, 12);
        Assert.Equal(10, x.Distinct);
        Assert.False(x.DistinctIsEstimate);
        Assert.Equal(1, x.Min);
        Assert.Equal(10, x.Max);
        Assert.Equal(5.5, x.Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(82.5 / 9), x.Std!.Value, 12);

        // numpy.percentile([1..10], q) with linear interpolation.
        Assert.Equal(new Quantiles(1.09, 1.45, 3.25, 5.5, 7.75, 9.55, 9.91), Round(x.Quantiles!));
        Assert.False(x.Approximate);

        // Sturges: ceil(log2(10) + 1) = 5 bins of width 1.8.
        Assert.Equal([1, 2.8, 4.6, 6.4, 8.2, 10], x.Histogram!.Edges.Select(e => Math.Round(e, 9)));
        Assert.Equal([2L, 2, 2, 2, 2], x.Histogram.Counts);
        Assert.Equal(10, x.Sample!.Count);
    }

    [Fact]
    public async Task RepeatedValues_QuantilesUseMultiplicities()
    {
        var (_, profile) = await TestFiles.ProfileCsvAsync("x\n1\n1\n1\n1\n5\n");

        Assert.Equal(1, profile.Columns[0].Quantiles!.P50);
        Assert.Equal(4.84, profile.Columns[0].Quantiles!.P99, 9);
        Assert.Equal([4L, 1], profile.Columns[0].Histogram!.Counts.Where(c => c > 0));
    }

    [Fact]
    public async Task ConstantColumn_HasOneBinAndNoStdForOneValue()
    {
        var (_, profile) = await TestFiles.ProfileCsvAsync("x\n3\n");

        Assert.Equal([3d, 3], profile.Columns[0].Histogram!.Edges);
        Assert.Equal([1L], profile.Columns[0].Histogram!.Counts);
        Assert.Null(profile.Columns[0].Std);
    }

    [Fact]
    public async Task Categories_AreCountedMostFrequentFirst()
    {
        var rows = Enumerable.Repeat("b", 12).Concat(Enumerable.Repeat("a", 5)).Concat(Enumerable.Repeat("c", 5)).Append("NA");
        var (_, profile) = await TestFiles.ProfileCsvAsync("v\n" + string.Join("\n", rows));
        var v = profile.Columns[0];

        Assert.Equal(ColumnType.Categorical, v.Type);
        Assert.Equal([new CategoryCount("b", 12), new CategoryCount("a", 5), new CategoryCount("c", 5)], v.CategoryCounts!);
        Assert.Equal(1, v.Missing);
        Assert.Equal(3, v.Distinct);
    }

    [Fact]
    public async Task Booleans_AreCounted()
    {
        var (_, profile) = await TestFiles.ProfileCsvAsync("v\ntrue\nfalse\nTrue\n\n");

        Assert.Equal([new CategoryCount("true", 2), new CategoryCount("false", 1)], profile.Columns[0].CategoryCounts!);
    }

    [Fact]
    public async Task ManyDistinctValues_AreSampledReproduciblyAndEstimated()
    {
        var csv = "x\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => ((i * 7919L) % 50_000).ToString(CultureInfo.InvariantCulture) + "\n"));

        var (_, first) = await TestFiles.ProfileCsvAsync(csv);
        var (_, second) = await TestFiles.ProfileCsvAsync(csv);
        var x = first.Columns[0];

        Assert.Equal(10_000, x.Sample!.Count);
        Assert.Equal(x.Sample, second.Columns[0].Sample!);
        Assert.True(x.Approximate);
        Assert.True(x.DistinctIsEstimate);
        Assert.InRange(x.Distinct, 48_000, 52_000);
        Assert.Equal(24_999.5, x.Mean!.Value, 6);
        Assert.InRange(x.Quantiles!.P50, 23_500, 26_500);
        Assert.Equal(50_000, x.Histogram!.Counts.Sum());
        Assert.All(x.Histogram.Counts, c => Assert.InRange(c, 2_500, 3_400)); // 17 bins (Sturges) of a uniform column, scaled from the sample
    }

    [Fact]
    public async Task ColumnThatTurnsToText_KeepsItsEarlierValuesAsCategories()
    {
        var (schema, profile) = await TestFiles.ProfileCsvAsync("v\n1\n2\n1\nx\n1\n2\n1\n2\n1\n2\n1\n2\n");

        Assert.Equal(ColumnType.Categorical, schema.Columns[0].Type);
        Assert.Equal(["1", "2", "x"], schema.Columns[0].Categories!);
        Assert.Equal(new CategoryCount("1", 6), profile.Columns[0].CategoryCounts![0]);
    }

    [Fact]
    public void TableProfile_KeepsTheTableSchema()
    {
        var table = new DataTable([
            new DataColumn { Schema = new ColumnSchema("n", ColumnType.Numeric), Numbers = [1, 2, double.NaN] },
            new DataColumn { Schema = new ColumnSchema("c", ColumnType.Categorical) { Categories = ["a", "b"] }, Strings = ["a", "b", "a"] },
        ]);

        var profile = DatasetProfiler.Profile(table);

        Assert.Equal(1, profile.Columns[0].Missing);
        Assert.Equal(1.5, profile.Columns[0].Mean);
        Assert.Equal(ColumnType.Categorical, profile.Columns[1].Type);
        Assert.Equal(new CategoryCount("a", 2), profile.Columns[1].CategoryCounts![0]);
    }

    private static Quantiles Round(Quantiles q) =>
        new(Math.Round(q.P01, 9), Math.Round(q.P05, 9), Math.Round(q.P25, 9), Math.Round(q.P50, 9), Math.Round(q.P75, 9), Math.Round(q.P95, 9), Math.Round(q.P99, 9));
}
