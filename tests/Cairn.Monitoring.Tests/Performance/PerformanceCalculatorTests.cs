using Cairn.Monitoring.Performance;

namespace Cairn.Monitoring.Tests.Performance;

public sealed class PerformanceCalculatorTests
{
    private const int Precision = 12;

    [Fact]
    public void Classification_ThreeClasses_GivesAccuracyAndMacroF1ByHand()
    {
        string[] actual = ["a", "a", "b", "b", "c", "c"];
        string?[] predicted = ["a", "b", "b", "b", "c", "a"];

        var summary = PerformanceCalculator.Classification(predicted, actual, null, null, [0, 1, 2, 3, 4, 5], 0);

        Assert.Equal("classification", summary.Task);
        Assert.Equal(6, summary.Labelled);
        Assert.Equal(4.0 / 6, summary.Metrics["accuracy"], Precision);
        // F1 a = 2/(2+1+1) = 0.5, b = 4/(4+1) = 0.8, c = 2/(2+1) = 2/3: macro = 59/90.
        Assert.Equal(59.0 / 90, summary.Metrics["macro_f1"], Precision);
        Assert.False(summary.Metrics.ContainsKey("auc"));
        Assert.Empty(summary.OverTime);
    }

    [Fact]
    public void Classification_ClassOnlyPredicted_CountsInMacroF1()
    {
        // sklearn: labels = actual ∪ predicted, so the never-true class "d" adds an F1 of 0.
        var summary = PerformanceCalculator.Classification(["a", "d"], ["a", "a"], null, null, [0, 0], 0);

        Assert.Equal(0.5, summary.Metrics["accuracy"], Precision);
        Assert.Equal((2.0 / 3 + 0) / 2, summary.Metrics["macro_f1"], Precision);
    }

    [Fact]
    public void Classification_NullPrediction_CountsAsWrong()
    {
        var summary = PerformanceCalculator.Classification(["a", null], ["a", "b"], null, null, [0, 0], 0);

        Assert.Equal(0.5, summary.Metrics["accuracy"], Precision);
        // a: 2/(2+0+0) = 1, b: 0/(0+0+1) = 0.
        Assert.Equal(0.5, summary.Metrics["macro_f1"], Precision);
    }

    [Fact]
    public void Classification_BinaryWithProbabilities_GivesRankAucWithTiesAndLogLoss()
    {
        string[] classes = ["no", "yes"];
        string[] actual = ["yes", "yes", "no", "no"];
        string?[] predicted = ["yes", "no", "no", "no"];
        double[]?[] probabilities = [[0.2, 0.8], [0.6, 0.4], [0.6, 0.4], [0.9, 0.1]];

        var summary = PerformanceCalculator.Classification(predicted, actual, probabilities, classes, [0, 0, 0, 0], 0);

        // Positive/negative pairs: 0.8>0.4, 0.8>0.1, 0.4=0.4 (half), 0.4>0.1 → 3.5 / 4.
        Assert.Equal(0.875, summary.Metrics["auc"], Precision);
        var expectedLoss = -(Math.Log(0.8) + Math.Log(0.4) + Math.Log(0.6) + Math.Log(0.9)) / 4;
        Assert.Equal(expectedLoss, summary.Metrics["log_loss"], Precision);
    }

    [Fact]
    public void Classification_OneClassOnlyWithProbabilities_HasNoAuc()
    {
        var summary = PerformanceCalculator.Classification(["yes"], ["yes"], [[0.3, 0.7]], ["no", "yes"], [0], 0);

        Assert.False(summary.Metrics.ContainsKey("auc"));
        Assert.Equal(-Math.Log(0.7), summary.Metrics["log_loss"], Precision);
    }

    [Fact]
    public void Classification_LogLoss_ClipsZeroProbability()
    {
        var summary = PerformanceCalculator.Classification(["no", "yes"], ["yes", "no"], [[1.0, 0.0], [0.0, 1.0]], ["no", "yes"], [0, 0], 0);

        Assert.Equal(-Math.Log(2.220446049250313e-16), summary.Metrics["log_loss"], 6);
        Assert.Equal(0.0, summary.Metrics["auc"], Precision);
    }

    [Fact]
    public void Regression_GivesRmseMaeR2ByHand()
    {
        var summary = PerformanceCalculator.Regression([1, 2, 3, 6], [1, 2, 3, 4], [0, 0, 0, 0], 0);

        Assert.Equal("regression", summary.Task);
        Assert.Equal(1.0, summary.Metrics["rmse"], Precision);
        Assert.Equal(0.5, summary.Metrics["mae"], Precision);
        // SS_res = 4, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5.
        Assert.Equal(0.2, summary.Metrics["r2"], Precision);
    }

    [Fact]
    public void Regression_ConstantTarget_FollowsSklearnForceFinite()
    {
        Assert.Equal(1.0, PerformanceCalculator.Regression([2, 2], [2, 2], [0, 0], 0).Metrics["r2"]);
        Assert.Equal(0.0, PerformanceCalculator.Regression([1, 3], [2, 2], [0, 0], 0).Metrics["r2"]);
    }

    [Fact]
    public void Regression_NonFinitePairs_AreLeftOut()
    {
        var summary = PerformanceCalculator.Regression([1, double.NaN], [2, 5], [0, 0], 0);

        Assert.Equal(1.0, summary.Metrics["rmse"], Precision);
    }

    [Fact]
    public void OverTime_EqualRanges_OmitsEmptySlices()
    {
        var summary = PerformanceCalculator.Regression([1, 2, 3, 5], [1, 2, 3, 4], [1000, 1010, 1020, 1100], 4);

        // Span 1000..1100 inclusive = 101 ms, edges 1000, 1025, 1050, 1075, 1101: the middle two are empty.
        Assert.Equal(2, summary.OverTime.Count);
        Assert.Equal((1000, 1025, 3), (summary.OverTime[0].Start, summary.OverTime[0].End, summary.OverTime[0].Labelled));
        Assert.Equal(0.0, summary.OverTime[0].Metrics["rmse"], Precision);
        Assert.Equal((1075, 1101, 1), (summary.OverTime[1].Start, summary.OverTime[1].End, summary.OverTime[1].Labelled));
        Assert.Equal(1.0, summary.OverTime[1].Metrics["mae"], Precision);
    }

    [Fact]
    public void OverTime_Classification_SlicesCarryTheirOwnAccuracy()
    {
        var summary = PerformanceCalculator.Classification(["a", "a", "b", "a"], ["a", "a", "a", "a"], null, null, [0, 1, 8, 9], 2);

        Assert.Equal([1.0, 0.5], summary.OverTime.Select(p => p.Metrics["accuracy"]));
        Assert.Equal(0.75, summary.Metrics["accuracy"], Precision);
    }

    [Fact]
    public void Empty_GivesNoMetrics()
    {
        var summary = PerformanceCalculator.Classification([], [], null, null, [], 5);

        Assert.Equal(0, summary.Labelled);
        Assert.Empty(summary.Metrics);
        Assert.Empty(summary.OverTime);
    }

    [Fact]
    public void MismatchedLengths_AreRejected() =>
        Assert.Throws<ArgumentException>(() => PerformanceCalculator.Regression([1, 2], [1], [0], 0));
}
