using Cairn.Cli.Commands;
using Cairn.Cli.Output;

namespace Cairn.Cli.Tests.Output;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(0L, 1500L, "1.5s")]
    [InlineData(0L, 125_000L, "2m 05s")]
    [InlineData(0L, 7_380_000L, "2h 03m")]
    public void Duration_IsShortAndReadable(long start, long end, string expected)
    {
        Assert.Equal(expected, Formats.Duration(start, end));
    }

    [Fact]
    public void Duration_OfARunningRun_IsBlank()
    {
        Assert.Equal(string.Empty, Formats.Duration(1000, null));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(0.123456789, "0.123457")]
    [InlineData(1e-9, "1E-09")]
    [InlineData(42.0, "42")]
    public void Number_IsCompactAndCultureInvariant(double value, string expected)
    {
        Assert.Equal(expected, Formats.Number(value));
    }

    [Fact]
    public void MetricKeysIn_OrderBy_FindsTheMetricKeysToShowFirst()
    {
        Assert.Equal(
            ["acc", "my loss", "f1"],
            RunTables.MetricKeysIn(["metrics.acc DESC", "params.lr", "metric.`my loss` asc", "metrics.f1", "start_time DESC"]));
    }
}
