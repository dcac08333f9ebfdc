using Cairn.Data.Profiling;
using Cairn.Data.Tables;
using Cairn.Monitoring.Drift;
using Cairn.Monitoring.Tests.Statistics;

namespace Cairn.Monitoring.Tests.Drift;

public sealed class DatasetDriftTests
{
    [Fact]
    public void Compute_SharesDriftedColumns_AndSkipsColumnsWithoutCurrentValues()
    {
        DriftReferenceColumn[] reference =
        [
            DriftData.NumericReference("numeric-0", name: "stable"),
            DriftData.NumericReference("numeric-1", name: "shifted"),
            DriftData.CategoricalReference("categorical-0", name: "color"),
            DriftData.NumericReference("numeric-3", name: "steady"),
            DriftData.NumericReference("numeric-2", name: "empty"),
        ];
        DriftCurrentColumn[] current =
        [
            DriftData.NumericCurrent("numeric-0", name: "stable"),
            DriftData.NumericCurrent("numeric-1", name: "shifted"),
            DriftData.CategoricalCurrent("categorical-0", name: "color"),
            DriftData.NumericCurrent("numeric-3", name: "steady"),
            DriftData.Current("empty", [double.NaN, double.PositiveInfinity]),
            DriftData.Current("unknown", [1, 2, 3]),
        ];

        var drift = DriftCalculator.Compute(reference, current);
        var strict = DriftCalculator.Compute(reference, current, new DriftOptions { DriftShare = 0.6 });

        Assert.Equal(["stable", "shifted", "color", "steady", "empty"], drift.Columns.Select(c => c.Column));
        Assert.Equal([false, true, true, false, false], drift.Columns.Select(c => c.Drifted));
        Assert.Equal("no current values", drift.Columns[4].Skipped);
        Assert.Equal(2, drift.DriftedColumns);
        Assert.Equal(0.5, drift.Share); // 2 of 4 tested, the skipped column does not count
        Assert.True(drift.Drifted);
        Assert.Equal(0.6, strict.DriftShare);
        Assert.False(strict.Drifted);
    }

    [Fact]
    public void Compute_WithNothingTested_IsNotDrifted()
    {
        var drift = DriftCalculator.Compute([DriftData.NumericReference("numeric-0")], [DriftData.Current("x", [double.NaN])]);

        Assert.Equal(0, drift.Share);
        Assert.False(drift.Drifted);
    }

    [Fact]
    public void NaNAndInfinity_AreDroppedBeforeTesting()
    {
        var values = Golden.Case("numeric-0").Numbers("current");
        var dirty = DriftData.Current("x", [double.NaN, .. values, double.PositiveInfinity, double.NegativeInfinity]);

        var drift = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-0"), dirty);

        Assert.Equal(values.Length, drift.CurrentCount);
        Close.PValue(Golden.Case("numeric-0").Number("ks", "pvalue_auto"), drift.Score);
    }

    [Fact]
    public void NumericColumn_CarriesSturgesHistogramAndMoments()
    {
        var c = Golden.Case("numeric-0");

        var drift = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-0"), DriftData.NumericCurrent("numeric-0"));

        Assert.NotNull(drift.BinEdges);
        var expectedEdges = c.Numbers("sturges_bin_edges");
        Assert.Equal(expectedEdges.Length, drift.BinEdges.Count);
        for (var i = 0; i < expectedEdges.Length; i++)
        {
            Close.Statistic(expectedEdges[i], drift.BinEdges[i], $"edge {i}");
        }

        Assert.Equal(c.Counts("reference_bin_counts"), drift.ReferenceCounts);
        Assert.Equal(c.Counts("current_bin_counts"), drift.CurrentCounts);
        var reference = c.Numbers("reference");
        Close.Statistic(reference.Average(), drift.ReferenceMean!.Value, "mean");
        Close.Statistic(Math.Sqrt(reference.Select(v => Math.Pow(v - reference.Average(), 2)).Sum() / reference.Length), drift.ReferenceStd!.Value, "std");
        Close.Statistic(c.Numbers("current").Average(), drift.CurrentMean!.Value, "current mean");
        Assert.Null(drift.Categories);
    }

    [Fact]
    public void CategoricalColumn_CarriesCategoryCounts_MostFrequentFirst()
    {
        var drift = DriftCalculator.ComputeColumn(DriftData.CategoricalReference("categorical-0"), DriftData.CategoricalCurrent("categorical-0"));

        Assert.Equal(["a", "b", "c"], drift.Categories);
        Assert.Equal([179L, 124, 97], drift.ReferenceCounts);
        Assert.Equal([161L, 87, 52], drift.CurrentCounts);
        Assert.Null(drift.BinEdges);
        Assert.Equal(400, drift.ReferenceCount);
        Assert.Equal(300, drift.CurrentCount);
    }

    [Fact]
    public void ManyCategories_AreCappedWithAnOtherBucket()
    {
        var names = Enumerable.Range(0, 50).Select(i => $"k{i:D2}").ToArray();
        var reference = new DriftReferenceColumn { Name = "id", RowCount = 5000, Categories = [.. names.Select((n, i) => new CategoryCount(n, 100 + i))] };
        var current = new DriftCurrentColumn { Name = "id", Categories = [.. names.SelectMany((n, i) => Enumerable.Repeat(n, i + 1))] };

        var drift = DriftCalculator.ComputeColumn(reference, current);

        Assert.Equal(DriftCalculator.MaxDisplayCategories, drift.Categories!.Count);
        Assert.Equal("k49", drift.Categories[0]);
        Assert.Equal(DriftCalculator.OtherCategory, drift.Categories[^1]);
        Assert.Equal(reference.Categories.Sum(c => c.Count), drift.ReferenceCounts.Sum());
        Assert.Equal(current.Categories.Length, drift.CurrentCounts.Sum());
    }

    [Fact]
    public void NumericReference_WithFewValues_IsTestedAsCategoriesByValue()
    {
        var reference = DriftData.Reference("grade", DriftData.Levels(400, 3, shift: 1));
        var current = DriftData.Current("grade", [.. Enumerable.Repeat(1.0, 100), .. Enumerable.Repeat(2.0, 100), .. Enumerable.Repeat(3.0, 200)]);

        var drift = DriftCalculator.ComputeColumn(reference, current);

        Assert.Equal(("chisquare", "categorical"), (drift.Method, drift.Type));
        Assert.Equal(["1", "2", "3"], drift.Categories);
        Assert.Equal([134L, 133, 133], drift.ReferenceCounts);
        Assert.Equal([100L, 100, 200], drift.CurrentCounts);
        Assert.True(drift.Drifted);
    }

    [Fact]
    public void NumericReference_AcceptsCurrentStrings()
    {
        var strings = Golden.Case("numeric-0").Numbers("current").Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray<string?>();

        var drift = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-0"), new DriftCurrentColumn { Name = "x", Categories = [.. strings, null, "n/a"] });

        Assert.Equal(strings.Length, drift.CurrentCount);
        Close.PValue(Golden.Case("numeric-0").Number("ks", "pvalue_auto"), drift.Score);
    }

    [Fact]
    public void FromProfile_TakesSampleOrCategoryCounts_AndSkipsDatetime()
    {
        var numeric = DriftReferenceColumn.FromProfile(new ColumnProfile { Name = "temp", Type = ColumnType.Numeric, Count = 1461, Sample = [1.5, 2.5, 3.5] });
        var categorical = DriftReferenceColumn.FromProfile(new ColumnProfile { Name = "weather", Type = ColumnType.Categorical, Count = 10, CategoryCounts = [new("sun", 7), new("rain", 3)] });
        var boolean = DriftReferenceColumn.FromProfile(new ColumnProfile { Name = "windy", Type = ColumnType.Boolean, Count = 4, CategoryCounts = [new("true", 3), new("false", 1)] });
        var date = DriftReferenceColumn.FromProfile(new ColumnProfile { Name = "date", Type = ColumnType.DateTime, Count = 1461 });

        Assert.Equal(1461, numeric.RowCount);
        Assert.Equal([1.5, 2.5, 3.5], numeric.Values!);
        Assert.Null(numeric.Categories);
        Assert.Equal(10, categorical.RowCount);
        Assert.Equal(["sun", "rain"], categorical.Categories!.Select(c => c.Value));
        Assert.Equal(2, boolean.Categories!.Count);
        Assert.Null(date.Values);
        Assert.Null(date.Categories);
        var skipped = DriftCalculator.ComputeColumn(date, new DriftCurrentColumn { Name = "date", Categories = ["2024-01-01"] });
        Assert.NotNull(skipped.Skipped);
        Assert.False(skipped.Drifted);
    }
}
