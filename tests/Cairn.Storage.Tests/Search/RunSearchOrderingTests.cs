namespace Cairn.Storage.Tests.Search;

public sealed class RunSearchOrderingTests(RunSearchFixture fixture) : IClassFixture<RunSearchFixture>
{
    [Theory]
    // acc: g=+Inf, b=0.95, a=f=0.9 (tie → start_time DESC), c=NaN, d missing.
    [InlineData(null, new[] { "metrics.acc DESC" }, "g,b,f,a,c,d")]
    [InlineData(null, new[] { "metrics.acc" }, "f,a,b,g,c,d")]
    [InlineData(null, new[] { "metrics.acc ASC" }, "f,a,b,g,c,d")]
    // The recorded client order: start_time is a key, so it is not appended again.
    [InlineData(null, new[] { "metrics.acc DESC", "attributes.start_time ASC" }, "g,b,a,f,c,d")]
    [InlineData(null, new[] { "metrics.loss" }, "d,a,g,c,b,f")]
    [InlineData(null, new[] { "metrics.loss DESC" }, "a,d,g,c,b,f")]
    [InlineData("metrics.acc >= 0.9", new[] { "metrics.acc DESC" }, "g,b,f,a")]
    // Params and tags: runs with the key first, missing last, whatever the direction.
    [InlineData(null, new[] { "params.opt" }, "c,a,f,b,g,d")]
    [InlineData(null, new[] { "params.opt DESC" }, "b,f,c,a,g,d")]
    [InlineData(null, new[] { "params.opt", "metrics.acc DESC" }, "a,c,f,b,g,d")]
    [InlineData("tags.stage != 'Test'", new[] { "tags.stage ASC" }, "b,d,a")]
    [InlineData(null, new[] { "tags.team DESC" }, "b,a,g,d,c,f")]
    // Attributes.
    [InlineData(null, new[] { "start_time" }, "a,b,f,c,d,g")]
    [InlineData(null, new[] { "start_time DESC" }, "g,d,c,b,f,a")]
    [InlineData(null, new[] { "created ASC" }, "a,b,f,c,d,g")]
    [InlineData("run_name LIKE 'run-%'", new[] { "run_name DESC" }, "f,b,a")]
    [InlineData("run_name LIKE 'run-%'", new[] { "attributes.run_name" }, "a,b,f")]
    [InlineData(null, new[] { "status" }, "d,b,f,a,c,g")]
    [InlineData(null, new[] { "status DESC" }, "g,c,b,f,a,d")]
    [InlineData(null, new[] { "end_time" }, "a,f,b,d,g,c")]
    [InlineData(null, new[] { "end_time DESC" }, "g,d,b,f,a,c")]
    [InlineData(null, new[] { "user_id" }, "d,f,a,b,g,c")]
    [InlineData(null, new[] { "user_id DESC" }, "g,b,d,f,a,c")]
    [InlineData(null, new[] { "run_id DESC" }, "g,f,d,c,b,a")]
    [InlineData(null, new[] { "run_id" }, "a,b,c,d,f,g")]
    [InlineData(null, new[] { "artifact_uri" }, "a,b,c,d,f,g")]
    // A filter on an order key is applied to the joined row, with the same semantics as on its own.
    [InlineData("params.lr = '0.1'", new[] { "params.lr" }, "c,a")]
    [InlineData("params.lr IS NULL", new[] { "params.lr" }, "g,d")]
    [InlineData("params.lr IS NOT NULL", new[] { "params.lr DESC" }, "f,c,a,b")]
    [InlineData("params.lr != '0.1'", new[] { "params.lr" }, "b,f")]
    [InlineData("params.opt LIKE 'a%'", new[] { "params.opt", "metrics.acc" }, "a,c")]
    [InlineData("tags.stage ILIKE 'PROD'", new[] { "tags.stage" }, "b")]
    [InlineData("tags.stage IS NULL", new[] { "tags.stage DESC" }, "g,c")]
    [InlineData("metrics.acc != 0.9", new[] { "metrics.acc" }, "b,g")]
    [InlineData("metrics.acc <= 0", new[] { "metrics.acc" }, "")]
    [InlineData("metrics.acc = 0", new[] { "metrics.acc DESC" }, "")]
    [InlineData("metrics.acc > 0.8 and metrics.acc < 1", new[] { "metrics.acc DESC" }, "b,f,a")]
    [InlineData("metrics.acc > 0.8 and params.lr = '0.1'", new[] { "params.lr", "metrics.acc DESC" }, "a")]
    public async Task OrderBy_SortsWithValuesFirstAndStableTieBreaks(string? filter, string[] orderBy, string expected)
    {
        var ids = await fixture.SearchAsync(filter, orderBy);
        Assert.Equal(expected, string.Join(",", ids));
    }

    [Fact]
    public async Task OrderBy_DeletedRunsOrderWithTheOthers_WhenViewTypeIsAll()
    {
        var ids = await fixture.SearchAsync(null, ["metrics.acc DESC"], Core.Tracking.ViewType.All);
        Assert.Equal("g,e,b,f,a,c,d", string.Join(",", ids));
    }

    [Fact]
    public async Task OrderBy_ExperimentId_AcrossExperiments()
    {
        var ids = await fixture.SearchAsync("params.lr = '0.1'", ["experiment_id DESC"], experimentIds: ["1", "2"]);
        Assert.Equal("x,c,a", string.Join(",", ids));
    }

    [Fact]
    public async Task OrderBy_PagesWithSkipTake_AreDisjointAndComplete()
    {
        var query = new Core.Search.RunSearchQuery
        {
            ExperimentIds = ["1", "2"],
            OrderBy = Core.Search.SearchFilterParser.ParseOrderBy(["metrics.acc DESC"], Core.Search.SearchContext.Runs),
            ViewType = Core.Tracking.ViewType.All,
        };
        var all = new List<string>();
        for (var page = 0; page < 4; page++)
        {
            var ids = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                Storage.Tracking.RunSearchTranslator.Apply(fixture.Database.Context, query).Skip(page * 3).Take(3).Select(r => r.RunId));
            all.AddRange(ids);
        }

        Assert.Equal("g,x,e,b,f,a,c,d", string.Join(",", all));
    }

    [Fact]
    public async Task Apply_ResultComposesWithIncludeAndPaging()
    {
        // The store loads a page with its params, tags and metrics; the ordered query must allow that.
        var query = new Core.Search.RunSearchQuery
        {
            ExperimentIds = ["1"],
            Filter = Core.Search.SearchFilterParser.Parse("metrics.acc >= 0.9", Core.Search.SearchContext.Runs),
            OrderBy = Core.Search.SearchFilterParser.ParseOrderBy(["metrics.acc DESC", "params.opt"], Core.Search.SearchContext.Runs),
        };
        var page = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(
                    Storage.Tracking.RunSearchTranslator.Apply(fixture.Database.Context, query), r => r.Params),
                r => r.LatestMetrics)
            .Skip(1).Take(2));

        Assert.Equal("b,a", string.Join(",", page.Select(r => r.RunId)));
        Assert.Equal(["lr", "opt"], page[0].Params.Select(p => p.Key).Order().ToArray());
        Assert.Equal(0.95, Assert.Single(page[0].LatestMetrics).Value);
    }
}
