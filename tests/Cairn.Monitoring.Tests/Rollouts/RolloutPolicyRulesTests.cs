using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Rollouts;

namespace Cairn.Monitoring.Tests.Rollouts;

public sealed class RolloutPolicyRulesTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var policy = RolloutPolicyRules.Check(null);

        Assert.Equal([10, 25, 50, 100], policy.Steps);
    }

    [Theory]
    [InlineData(new[] { 10, 5, 100 }, "policy.steps[1]")]
    [InlineData(new[] { 10, 50 }, "policy.steps[1]")]
    [InlineData(new[] { 0, 100 }, "policy.steps[0]")]
    [InlineData(new int[0], "policy.steps")]
    public void BadSteps_AreRejected_NamingTheField(int[] steps, string field)
    {
        var e = Assert.Throws<CairnException>(() => RolloutPolicyRules.Check(new RolloutPolicy { Steps = steps }));

        Assert.Equal(ErrorCode.InvalidParameterValue, e.Code);
        Assert.Contains($"'{field}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMetric_IsRejected()
    {
        var e = Assert.Throws<CairnException>(() => RolloutPolicyRules.Check(new RolloutPolicy { Metric = "f1" }));

        Assert.Contains("'policy.metric'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlphaOutOfRange_IsRejected()
    {
        var e = Assert.Throws<CairnException>(() => RolloutPolicyRules.Check(new RolloutPolicy { Alpha = 1 }));

        Assert.Contains("'policy.alpha'", e.Message, StringComparison.Ordinal);
    }
}
