using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Tests.Statistics;

public sealed class RadixSortTests
{
    [Fact]
    public void Sort_OrdersLikeArraySort_AcrossSignsMagnitudesAndTies()
    {
        var random = new Random(3);
        var values = new double[20_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i % 7) switch
            {
                0 => Math.Round((random.NextDouble() - 0.5) * 10, 1), // ties
                1 => -random.NextDouble() * 1e300,
                2 => random.NextDouble() * 1e-300,
                3 => double.Epsilon * (i % 5),
                4 => i % 2 == 0 ? double.MaxValue : double.MinValue,
                _ => (random.NextDouble() - 0.5) * 1e6,
            };
        }

        var expected = (double[])values.Clone();
        Array.Sort(expected);

        RadixSort.Sort(values);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void SortedCopy_WithNaN_FallsBackToArraySort_AndLeavesTheInputAlone()
    {
        double[] values = [3, double.NaN, 1, .. Enumerable.Range(0, 5000).Select(i => (double)(5000 - i))];

        var sorted = RadixSort.SortedCopy(values);

        Assert.True(double.IsNaN(sorted[0]));
        Assert.Equal(3, values[0]);
        Assert.True(sorted.Skip(1).Zip(sorted.Skip(2)).All(p => p.First <= p.Second));
    }
}
