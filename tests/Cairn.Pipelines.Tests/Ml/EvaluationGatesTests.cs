using System.Text.Json.Nodes;
using Cairn.Core.Errors;
using Cairn.Pipelines.Steps.Ml;

namespace Cairn.Pipelines.Tests.Ml;

public sealed class EvaluationGatesTests
{
    private static readonly Dictionary<string, double> Metrics = new() { ["macro_f1"] = 0.62, ["rmse"] = 2.5, ["accuracy"] = 0.80 };

    private static Task<IReadOnlyList<GateResult>> EvaluateAsync(string gatesJson, double? champion = null) =>
        EvaluationGates.EvaluateAsync(Metrics, EvaluationGates.Parse(JsonNode.Parse(gatesJson)),
            (_, _) => Task.FromResult<(double?, string)>((champion, champion is null ? "not registered yet" : "")), CancellationToken.None);

    [Fact]
    public async Task Thresholds_PassOrFail_WithMetricValueAndThresholdInTheReason()
    {
        var results = await EvaluateAsync("""[{"metric":"macro_f1","min":0.5},{"metric":"rmse","max":2},{"metric":"macro_f1","min":0.9}]""");
        Assert.Equal([true, false, false], results.Select(r => r.Passed));
        Assert.Equal("rmse = 2.5 > max 2", results[1].Reason);
        Assert.Equal("macro_f1 = 0.62 < min 0.9", results[2].Reason);
    }

    [Fact]
    public async Task CompareTo_AllowsAtMostMaxDrop_AndErrorMetricsAreBetterLower()
    {
        Assert.True((await EvaluateAsync("""[{"metric":"accuracy","compare_to":"alias:champion","model":"m","max_drop":0.02}]""", champion: 0.81)).Single().Passed);
        var worse = (await EvaluateAsync("""[{"metric":"accuracy","compare_to":"alias:champion","model":"m","max_drop":0.02}]""", champion: 0.85)).Single();
        Assert.False(worse.Passed);
        Assert.Contains("accuracy = 0.8 vs 0.85 for m alias:champion: worse by 0.05 > max_drop 0.02", worse.Reason);
        Assert.False((await EvaluateAsync("""[{"metric":"rmse","compare_to":"version:3","model":"m","max_drop":0.1}]""", champion: 2.0)).Single().Passed);
        Assert.True((await EvaluateAsync("""[{"metric":"rmse","compare_to":"version:3","model":"m"}]""", champion: 3.0)).Single().Passed);
    }

    [Fact]
    public async Task CompareTo_WithoutAChampion_PassesWithANote()
    {
        var result = (await EvaluateAsync("""[{"metric":"accuracy","compare_to":"alias:champion","model":"m","max_drop":0}]""")).Single();
        Assert.True(result.Passed);
        Assert.Contains("no m alias:champion to compare with (not registered yet)", result.Reason);
    }

    [Fact]
    public async Task UnknownMetric_FailsTheGate_ListingTheMetricsThereAre()
    {
        var result = (await EvaluateAsync("""[{"metric":"auc","min":0.5}]""")).Single();
        Assert.False(result.Passed);
        Assert.Contains("accuracy, macro_f1, rmse", result.Reason);
    }

    [Theory]
    [InlineData("""{"metric":"a"}""", "with.gates': it must be a list")]
    [InlineData("""[{"min":1}]""", "gates[0].metric")]
    [InlineData("""[{"metric":"a","min":1,"typo":2}]""", "gates[0].typo")]
    [InlineData("""[{"metric":"a","compare_to":"alias:c"}]""", "gates[0].model")]
    [InlineData("""[{"metric":"a"}]""", "needs 'min', 'max' or 'compare_to'")]
    public void Parse_RejectsMalformedGates_NamingTheKey(string json, string expected)
    {
        var error = Assert.Throws<CairnException>(() => EvaluationGates.Parse(JsonNode.Parse(json)));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ParseTarget_AcceptsAliasAndVersion_AndRejectsOthers()
    {
        Assert.Equal(("alias", "champion"), EvaluationGates.ParseTarget("alias:champion"));
        Assert.Equal(("version", "3"), EvaluationGates.ParseTarget("version:3"));
        Assert.Equal(("alias", "champion"), EvaluationGates.ParseTarget("champion"));
        Assert.Throws<CairnException>(() => EvaluationGates.ParseTarget("stage:prod"));
    }
}
