using Cairn.Core;
using Cairn.Core.Registry;
using Cairn.Core.Search;
using Cairn.Core.Serving;
using Cairn.Server.Ui.Pages.Models;

namespace Cairn.Server.Tests.Ui.Models;

public sealed class ModelsQueryTests
{
    [Fact]
    public void ModelsFilter_WithNothing_IsNull() => Assert.Null(ModelsQuery.ModelsFilter(" ", null));

    [Fact]
    public void ModelsFilter_WithASearch_IsANameContainsClause_ThatTheRegistryGrammarParses()
    {
        var filter = ModelsQuery.ModelsFilter(" o'brien ", null);
        Assert.Equal("name ILIKE '%o''brien%'", filter);
        var clause = Assert.Single(SearchFilterParser.Parse(filter, SearchContext.RegisteredModels));
        Assert.Equal("name", clause.Key);
        Assert.Equal("%o'brien%", clause.Text);
    }

    [Fact]
    public void ModelsFilter_WithSearchAndFilter_AndsThem()
    {
        var filter = ModelsQuery.ModelsFilter("weather", "tags.team = 'ml'");
        Assert.Equal("name ILIKE '%weather%' AND tags.team = 'ml'", filter);
        Assert.Equal(2, SearchFilterParser.Parse(filter, SearchContext.RegisteredModels).Count);
    }

    [Fact]
    public void VersionsOf_AHostileName_StaysOneStringLiteral()
    {
        const string name = "x' OR name != '<script>";
        var clause = Assert.Single(SearchFilterParser.Parse(ModelsQuery.VersionsOf(name), SearchContext.ModelVersions));
        Assert.Equal(name, clause.Text);
        Assert.Equal(Comparator.Equal, clause.Comparator);
    }

    [Theory]
    [InlineData(null, "name ASC")]
    [InlineData("name", "name ASC")]
    [InlineData("updated", "last_updated_timestamp DESC")]
    [InlineData("colour", "colour")]
    public void ModelsOrder_MapsTheChoice_AndPassesAnythingElseOnForTheRegistryToReject(string? order, string first) =>
        Assert.Equal(first, ModelsQuery.ModelsOrder(order)[0]);

    [Fact]
    public void LatestVersion_IsTheHighestOfTheLatestPerStage()
    {
        var model = new RegisteredModel { Name = "m", LatestVersions = [Version(3, "Production"), Version(7, "None"), Version(5, "Staging")] };
        Assert.Equal(7, ModelsQuery.LatestVersion(model));
        Assert.Null(ModelsQuery.LatestVersion(new RegisteredModel { Name = "empty" }));
    }

    [Fact]
    public void ServingVariants_FindsEveryDeploymentVariantOfThatVersion_Only()
    {
        Deployment[] deployments =
        [
            Deployment("weather", ("champion", "m", 2, 90, VariantMode.Live), ("challenger", "m", 3, 10, VariantMode.Live)),
            Deployment("audit", ("shadow", "m", 2, 0, VariantMode.Shadow), ("other", "n", 2, 100, VariantMode.Live)),
        ];

        var serving = ModelsQuery.ServingVariants(deployments, "m", 2);

        Assert.Equal([("audit", "shadow"), ("weather", "champion")], serving.Select(s => (s.Deployment.Name, s.Variant.Name)));
        Assert.Equal("shadow (copy of all traffic)", ModelsQuery.TrafficShare(serving[0].Variant));
        Assert.Equal("90 %", ModelsQuery.TrafficShare(serving[1].Variant));
        var byVersion = ModelsQuery.ServingByVersion(deployments, "m");
        Assert.Equal([2L, 3L], byVersion.Keys.Order());
        Assert.Equal(2, byVersion[2].Count);
        Assert.Empty(ModelsQuery.ServingVariants(deployments, "m", 9));
    }

    [Fact]
    public void TagMetrics_ReadsCairnMetricTags_AndSkipsWhatIsNotANumber()
    {
        var version = Version(1, "None") with
        {
            Tags = [new("cairn.metric.macro_f1", "0.7"), new("cairn.metric.accuracy", "0.9"), new("cairn.metric.note", "n/a"), new("cairn.metric.", "1"), new("team", "ml")],
        };

        Assert.Equal([new("accuracy", 0.9), new("macro_f1", 0.7)], ModelsQuery.TagMetrics(version));
    }

    [Fact]
    public void VersionHistory_KeepsTheChangesThatServeTheVersion_AndTheOneThatTookItOut()
    {
        DeploymentEvent[] newestFirst =
        [
            Event(5, "promote", ("canary", "m", 3, 100)),
            Event(4, "set_weights", ("champion", "m", 2, 50), ("canary", "m", 3, 50)),
            Event(3, "update", ("champion", "m", 2, 90), ("canary", "m", 3, 10)),
            Event(2, "update", ("champion", "m", 2, 100)),
            Event(1, "create", ("champion", "m", 1, 100)),
        ];

        var history = ModelsQuery.VersionHistory(newestFirst, "m", 2);

        Assert.Equal([2L, 3L, 4L, 5L], history.Select(c => c.Event.Sequence));
        Assert.Equal([100, 90, 50], history.Take(3).Select(c => c.Variant!.Weight));
        Assert.Null(history[3].Variant);
        Assert.Empty(ModelsQuery.VersionHistory(newestFirst, "m", 7));
    }

    internal static ModelVersion Version(long number, string stage, params KeyValue[] tags) =>
        new() { Name = "m", Version = number, Source = "mlflow-artifacts:/m", CurrentStage = stage, Tags = tags };

    private static DeploymentEvent Event(long sequence, string action, params (string Name, string Model, long Version, int Weight)[] variants) => new()
    {
        Deployment = "weather",
        Sequence = sequence,
        Timestamp = sequence * 1000,
        Actor = "tester",
        Action = action,
        Variants = [.. variants.Select(v => new DeploymentVariant { Name = v.Name, Model = v.Model, Version = v.Version, Weight = v.Weight })],
    };

    private static Deployment Deployment(string name, params (string Name, string Model, long Version, int Weight, VariantMode Mode)[] variants) => new()
    {
        Name = name,
        Variants = [.. variants.Select(v => new DeploymentVariant { Name = v.Name, Model = v.Model, Version = v.Version, Weight = v.Weight, Mode = v.Mode })],
    };
}
