using Cairn.Core.Errors;
using Cairn.Server.Ui.Pages.Monitoring;

namespace Cairn.Server.Tests.Ui.Monitoring;

/// <summary>The monitoring pages' query and route values.</summary>
public sealed class MonitoringQueryTests
{
    [Fact]
    public void Parse_WithoutValues_IsEveryDeploymentsNewestPage() =>
        Assert.Equal(new MonitoringQuery(null, null), MonitoringQuery.Parse("  ", null));

    [Fact]
    public void Parse_KeepsTheDeploymentAndThePageCursor() =>
        Assert.Equal(new MonitoringQuery("weather", 12), MonitoringQuery.Parse(" weather ", "12"));

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData("0")]
    [InlineData("1.5")]
    public void Parse_WithABadBefore_IsRejectedNamingTheField(string before)
    {
        var e = Assert.Throws<CairnException>(() => MonitoringQuery.Parse(null, before));
        Assert.Equal(ErrorCode.InvalidParameterValue, e.Code);
        Assert.Contains("'before'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithAnOverlongDeployment_IsRejectedNamingTheField() =>
        Assert.Contains("'deployment'", Assert.Throws<CairnException>(() => MonitoringQuery.Parse(new string('x', 300), null)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("x")]
    [InlineData("0")]
    [InlineData(null)]
    public void ParseReportId_OfANonPositiveOrNonNumber_IsRejectedNamingTheField(string? id) =>
        Assert.Contains("'id'", Assert.Throws<CairnException>(() => MonitoringQuery.ParseReportId(id)).Message, StringComparison.Ordinal);

    [Fact]
    public void Url_EscapesTheDeploymentAndAddsThePage()
    {
        Assert.Equal("/monitoring", MonitoringQuery.Url(null));
        Assert.Equal("/monitoring?deployment=a%20%26%20b&before=7", MonitoringQuery.Url("a & b", 7));
    }
}
