using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Monitors;

namespace Cairn.Monitoring.Tests.Monitors;

public sealed class MonitorWindowTests
{
    private const long Now = 1_700_000_000_000;

    private static MonitorConfig Config(long? last = null, double? window = null) => new() { Deployment = "d", Last = last, WindowSeconds = window };

    [Fact]
    public void ResolveWindow_WithoutRequestOrConfig_IsTheNewestThousand() =>
        Assert.Equal(new MonitorWindow(null, Now, MonitorService.DefaultLast), MonitorService.ResolveWindow(new MonitorRequest("d"), Config(), Now));

    [Fact]
    public void ResolveWindow_UsesTheConfigsLastOrTimeWindow()
    {
        Assert.Equal(new MonitorWindow(null, Now, 50), MonitorService.ResolveWindow(new MonitorRequest("d"), Config(last: 50), Now));
        Assert.Equal(new MonitorWindow(Now - 3_600_000, Now, null), MonitorService.ResolveWindow(new MonitorRequest("d"), Config(window: 3600), Now));
    }

    [Fact]
    public void ResolveWindow_TheRequestsWindowWinsOverTheConfig()
    {
        Assert.Equal(new MonitorWindow(null, Now, 7), MonitorService.ResolveWindow(new MonitorRequest("d", Last: 7), Config(window: 3600), Now));
        Assert.Equal(new MonitorWindow(10, 20, null), MonitorService.ResolveWindow(new MonitorRequest("d", From: 10, To: 20), Config(last: 5), Now));
        Assert.Equal(new MonitorWindow(10, Now, null), MonitorService.ResolveWindow(new MonitorRequest("d", From: 10), Config(), Now));
    }

    [Theory]
    [InlineData(0L, null, null, "'last'")]
    [InlineData(2_000_000L, null, null, "'last'")]
    [InlineData(null, 20L, 10L, "'to'")]
    public void ResolveWindow_WithBadValues_IsInvalidParameter(long? last, long? from, long? to, string field)
    {
        var error = Assert.Throws<CairnException>(() => MonitorService.ResolveWindow(new MonitorRequest("d", null, last, from, to), Config(), Now));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_IsNumpysLinearInterpolation()
    {
        double[] sorted = [1, 2, 3, 4, 10];

        Assert.Equal(3, MonitorPerformance.Percentile(sorted, 0.5));
        Assert.Equal(9.76, MonitorPerformance.Percentile(sorted, 0.99), 10);
        Assert.Equal(5, MonitorPerformance.Percentile([5], 0.99));
    }
}
