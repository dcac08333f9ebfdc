using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Monitors;

namespace Cairn.Monitoring.Tests.Monitors;

public sealed class MonitorSettingsValidationTests
{
    [Fact]
    public void Validate_AcceptsAFullConfig() =>
        MonitorSettingsService.Validate(new MonitorConfig
        {
            Deployment = "d", IntervalSeconds = 60, WindowSeconds = 3600,
            Drift = new DriftSettings
            {
                Method = "psi", Threshold = 0.1, NumericMethod = "wasserstein", CategoricalMethod = "jensenshannon", DriftShare = 1,
                PerColumn = new Dictionary<string, ColumnDriftSetting> { ["wind"] = new("ks", 0.01) },
            },
        });

    [Theory]
    [InlineData(0.5, null, null, "'interval_seconds'")]
    [InlineData(null, 0L, null, "'last'")]
    [InlineData(null, 5L, 60.0, "'window_seconds'")]
    [InlineData(null, null, -1.0, "'window_seconds'")]
    public void Validate_RejectsBadScheduleOrWindow(double? interval, long? last, double? window, string field)
    {
        var error = Assert.Throws<CairnException>(() =>
            MonitorSettingsService.Validate(new MonitorConfig { Deployment = "d", IntervalSeconds = interval, Last = last, WindowSeconds = window }));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRules_NamesTheBadRule()
    {
        var error = Assert.Throws<CairnException>(() => MonitorSettingsService.ValidateRules(
            [new AlertRule("ok", "mae", ">", 1), new AlertRule("bad", "mae", "=", 1)]));

        Assert.Contains("'rules[1].op'", error.Message, StringComparison.Ordinal);
    }
}
