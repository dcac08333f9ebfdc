using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Tests.Statistics;

public sealed class TwoProportionZTestTests
{
    [Fact]
    public void Test_EqualProportions_GivesZeroAndPValueOne()
    {
        var (z, p) = TwoProportionZTest.Test(30, 100, 60, 200);

        Assert.Equal(0.0, z, 12);
        Assert.Equal(1.0, p, 12);
    }

    [Fact]
    public void Test_NoVariance_GivesPValueOne()
    {
        Assert.Equal((0.0, 1.0), TwoProportionZTest.Test(10, 10, 5, 5));
        Assert.Equal((0.0, 1.0), TwoProportionZTest.Test(0, 10, 0, 5));
    }

    [Fact]
    public void Test_InvalidCounts_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoProportionZTest.Test(1, 0, 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoProportionZTest.Test(3, 2, 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoProportionZTest.Test(-1, 2, 1, 2));
    }
}
