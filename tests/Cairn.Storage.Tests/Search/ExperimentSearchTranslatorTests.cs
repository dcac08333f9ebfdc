using Cairn.Core.Search;
using Cairn.Core.Tracking;
using Cairn.Storage.Entities;
using Cairn.Storage.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tests.Search;

/// <summary>
/// Experiments 1, 2 and 4 are active (4 ties 2 on creation_time), 3 is deleted; default order is
/// creation_time DESC, experiment_id ASC: 2, 4, 1.
/// </summary>
public sealed class ExperimentSearchTranslatorTests(ExperimentSearchTranslatorTests.Fixture fixture)
    : IClassFixture<ExperimentSearchTranslatorTests.Fixture>
{

    [Theory]
    [InlineData("", "2,4,1")]
    [InlineData("name LIKE 'peer-check%'", "2,1")]
    [InlineData("name LIKE 'Peer-check%'", "")]
    [InlineData("name ILIKE 'PEER-CHECK-_'", "2,1")]
    [InlineData("attribute.name = 'other-exp'", "4")]
    [InlineData("name != 'other-exp'", "2,1")]
    [InlineData("name ILIKE 'OTHER%'", "4")]
    [InlineData("creation_time >= 200", "2,4")]
    [InlineData("creation_time > 150.5", "2,4")]
    [InlineData("last_update_time < 400", "2")]
    [InlineData("last_update_time != 400", "2,1")]
    [InlineData("tags.team = 'mlops'", "1")]
    [InlineData("tag.team ILIKE 'mlops'", "2,1")]
    [InlineData("tags.team LIKE 'ML%'", "2")]
    [InlineData("tags.team != 'mlops'", "2")]
    [InlineData("tags.env IS NULL", "4,1")]
    [InlineData("tags.env IS NOT NULL", "2")]
    [InlineData("name LIKE 'peer%' and tags.team = 'MLOps' and creation_time > 0", "2")]
    [InlineData("name = 'x'' OR ''1''=''1'", "")]
    public async Task Filter_ReturnsMatchingActiveExperiments(string filter, string expected) =>
        Assert.Equal(expected, await SearchAsync(filter));

    [Theory]
    [InlineData(ViewType.DeletedOnly, "", "3")]
    [InlineData(ViewType.All, "", "3,2,4,1")]
    [InlineData(ViewType.All, "name ILIKE 'other%'", "3,4")]
    public async Task Filter_HonoursViewType(ViewType viewType, string filter, string expected) =>
        Assert.Equal(expected, await SearchAsync(filter, viewType: viewType));

    [Theory]
    [InlineData(new[] { "name" }, "4,1,2")]
    [InlineData(new[] { "name DESC" }, "2,1,4")]
    // Ties on creation_time fall back to experiment_id DESC, as MLflow does when experiment_id is not a key.
    [InlineData(new[] { "creation_time" }, "1,4,2")]
    [InlineData(new[] { "creation_time DESC" }, "4,2,1")]
    [InlineData(new[] { "creation_time DESC", "experiment_id ASC" }, "2,4,1")]
    [InlineData(new[] { "experiment_id DESC" }, "4,2,1")]
    [InlineData(new[] { "attribute.last_update_time DESC" }, "1,4,2")]
    public async Task OrderBy_SortsWithExperimentIdTieBreak(string[] orderBy, string expected) =>
        Assert.Equal(expected, await SearchAsync(null, orderBy));

    private async Task<string> SearchAsync(string? filter, string[]? orderBy = null, ViewType viewType = ViewType.ActiveOnly)
    {
        var query = new ExperimentSearchQuery
        {
            Filter = SearchFilterParser.Parse(filter, SearchContext.Experiments),
            OrderBy = SearchFilterParser.ParseOrderBy(orderBy, SearchContext.Experiments),
            ViewType = viewType,
        };
        var ids = await ExperimentSearchTranslator.Apply(fixture.Database.Context, query).Select(e => e.Id).ToListAsync();
        return string.Join(",", ids);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private SearchDatabase? _database;

        public SearchDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

        public async Task InitializeAsync()
        {
            _database = await SearchDatabase.CreateAsync(CancellationToken.None);
            var experiments = new[]
            {
                WithTags(RunSearchData.Experiment(1, "peer-check-1", created: 100, updated: 500), ("team", "mlops")),
                WithTags(RunSearchData.Experiment(2, "peer-check-2", created: 200, updated: 300), ("team", "MLOps"), ("env", "dev")),
                RunSearchData.Experiment(3, "Other", LifecycleStage.Deleted, created: 300, updated: 300),
                RunSearchData.Experiment(4, "other-exp", created: 200, updated: 400),
            };
            await _database.InsertAsync(experiments, [], [], CancellationToken.None);
        }

        public async Task DisposeAsync()
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }

        private static ExperimentEntity WithTags(ExperimentEntity experiment, params (string Key, string Value)[] tags)
        {
            experiment.Tags = [.. tags.Select(t => new ExperimentTagEntity { ExperimentId = experiment.Id, Key = t.Key, Value = t.Value })];
            return experiment;
        }
    }
}
