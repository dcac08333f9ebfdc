namespace Cairn.Storage.Tests.Search;

public sealed class RunSearchFilterTests(RunSearchFixture fixture) : IClassFixture<RunSearchFixture>
{
    [Theory]
    [InlineData("", "g,d,c,b,f,a")]
    // Metrics use the latest value; NaN (stored as 0 with IsNaN) and missing keys never match.
    [InlineData("metrics.acc > 0.9", "g,b")]
    [InlineData("metrics.acc >= 0.9", "g,b,f,a")]
    [InlineData("metrics.acc = 0.9", "f,a")]
    [InlineData("metrics.acc != 0.9", "g,b")]
    [InlineData("metrics.acc < 1", "b,f,a")]
    [InlineData("metrics.acc <= 0", "")]
    [InlineData("metrics.acc = 0", "")]
    [InlineData("metrics.acc > 1e300", "g")]
    [InlineData("metrics.acc < 1e400", "b,f,a")]
    [InlineData("metrics.acc >= 1e400", "g")]
    [InlineData("metrics.acc > -1e400", "g,b,f,a")]
    [InlineData("metrics.loss < 0.2", "d")]
    [InlineData("metrics.missing > -1e308", "")]
    [InlineData("metric.`acc` >= 0.95", "g,b")]
    // Params: a missing param matches only IS NULL.
    [InlineData("params.lr = '0.1'", "c,a")]
    [InlineData("params.lr = \"0.1\"", "c,a")]
    [InlineData("params.lr != '0.1'", "b,f")]
    [InlineData("params.lr LIKE '0.%'", "c,b,f,a")]
    [InlineData("params.lr LIKE '0._'", "c,f,a")]
    [InlineData("params.lr IS NULL", "g,d")]
    [InlineData("params.lr IS NOT NULL", "c,b,f,a")]
    // Tags: LIKE is case-sensitive, ILIKE is not.
    [InlineData("tags.stage = 'test'", "d,a")]
    [InlineData("tags.stage LIKE 'test'", "d,a")]
    [InlineData("tags.stage LIKE 'Te%'", "f")]
    [InlineData("tags.stage ILIKE 'TEST'", "d,f,a")]
    [InlineData("tags.stage ILIKE '%ES%'", "d,f,a")]
    [InlineData("tags.team = 'blue'", "b")]
    [InlineData("tags.team ILIKE 'BLUE'", "b,a")]
    [InlineData("tags.stage != 'test'", "b,f")]
    [InlineData("tags.stage IS NULL", "g,c")]
    // Status compares names.
    [InlineData("attributes.status = 'FINISHED'", "b,f,a")]
    [InlineData("status = 'finished'", "")]
    [InlineData("status != 'FINISHED'", "g,d,c")]
    [InlineData("status IN ('RUNNING', 'FAILED')", "d,c")]
    [InlineData("status NOT IN ('FINISHED')", "g,d,c")]
    [InlineData("status LIKE 'F%'", "d,b,f,a")]
    [InlineData("status LIKE 'f%'", "")]
    [InlineData("status ILIKE 'f%'", "d,b,f,a")]
    [InlineData("status = 'NOPE'", "")]
    // String attributes; % and _ are wildcards unless escaped with a backslash.
    [InlineData("run_name = 'run-a'", "a")]
    [InlineData("attributes.run_name LIKE 'run-%'", "b,f,a")]
    [InlineData("run_name ILIKE 'run-%'", "c,b,f,a")]
    [InlineData("`Run name` = 'Run-C'", "c")]
    [InlineData("run_name LIKE 'run_d'", "d")]
    [InlineData("run_name LIKE 'run\\_%'", "d")]
    [InlineData("run_name LIKE '50\\%%'", "g")]
    [InlineData("run_name LIKE '%\\%\\_%'", "g")]
    [InlineData("run_name LIKE '50%'", "g")]
    [InlineData("run_name LIKE 'run-\\\\'", "")]
    [InlineData("run_name LIKE 'run-\\q%'", "")]
    [InlineData("user_id = 'alice'", "d,f,a")]
    [InlineData("user_id != 'alice'", "g,b")]
    [InlineData("user_id NOT IN ('alice')", "g,b")]
    [InlineData("run_id IN ('a', 'b', 'zz')", "b,a")]
    [InlineData("run_id NOT IN ('a', 'b')", "g,d,c,f")]
    [InlineData("artifact_uri = 'mlflow-artifacts:/1/b/artifacts'", "b")]
    // Numeric attributes, including fractional and out-of-range bounds.
    [InlineData("start_time >= 2000 AND start_time < 4000", "c,b,f")]
    [InlineData("created > 5000", "g")]
    [InlineData("start_time > 1999.5", "g,d,c,b,f")]
    [InlineData("start_time = 2000.5", "")]
    [InlineData("start_time <= 2000.5", "b,f,a")]
    [InlineData("start_time < 2000.5", "b,f,a")]
    [InlineData("start_time >= 2000.5", "g,d,c")]
    [InlineData("start_time != 1000", "g,d,c,b,f")]
    [InlineData("start_time != 1000.5", "g,d,c,b,f,a")]
    [InlineData("start_time < 1e30", "g,d,c,b,f,a")]
    [InlineData("start_time > -1e30", "g,d,c,b,f,a")]
    [InlineData("start_time > 1e30", "")]
    [InlineData("end_time > 2600", "g,d,b")]
    [InlineData("end_time != 3000", "g,d,f,a")]
    // Datasets: any input of the run may match.
    [InlineData("datasets.name = 'iris'", "b,a")]
    [InlineData("datasets.digest IN ('d1', 'd3')", "c,a")]
    [InlineData("datasets.context = 'training'", "a")]
    [InlineData("datasets.context != 'training'", "b")]
    [InlineData("datasets.name LIKE 'w%'", "c")]
    [InlineData("datasets.name ILIKE 'IRIS'", "b,a")]
    [InlineData("datasets.name != 'iris'", "c")]
    [InlineData("datasets.context NOT IN ('eval')", "a")]
    // Clauses combine with AND.
    [InlineData("metrics.acc > 0.8 and params.lr = '0.1' and tags.stage = 'test'", "a")]
    [InlineData("metrics.acc > 0.8 AND status = 'FINISHED' AND user_id = 'alice'", "f,a")]
    // Injection attempts are plain values.
    [InlineData("params.lr = '0.1'' OR ''1''=''1'", "")]
    [InlineData("run_name = '; DROP TABLE runs; --'", "")]
    [InlineData("tags.`stage'; DROP TABLE runs; --` = 'x'", "")]
    public async Task Filter_ReturnsMatchingActiveRunsInDefaultOrder(string filter, string expected)
    {
        var ids = await fixture.SearchAsync(filter);
        Assert.Equal(expected, string.Join(",", ids));
    }

    [Fact]
    public async Task Filter_RecordedClientFilter_FindsTheRun()
    {
        // Recorded: metrics.acc > 0.9 and params.lr = '0.1', ordered by acc DESC then start_time ASC.
        var ids = await fixture.SearchAsync("metrics.acc > 0.9 and params.lr = '0.1'", ["metrics.acc DESC", "attributes.start_time ASC"], experimentIds: ["1", "2"]);
        Assert.Equal(["x"], ids);
    }

    [Theory]
    [InlineData(new[] { "1", "2" }, "c,x,a")]
    [InlineData(new[] { "2" }, "x")]
    [InlineData(new[] { "2", "2" }, "x")]
    [InlineData(new[] { "nope" }, "")]
    [InlineData(new[] { "-1" }, "")]
    [InlineData(new string[0], "")]
    public async Task Filter_OnlySearchesTheGivenExperiments(string[] experimentIds, string expected)
    {
        var ids = await fixture.SearchAsync("params.lr = '0.1'", experimentIds: experimentIds);
        Assert.Equal(expected, string.Join(",", ids));
    }

    [Theory]
    [InlineData(Core.Tracking.ViewType.ActiveOnly, "", "g,d,c,b,f,a")]
    [InlineData(Core.Tracking.ViewType.DeletedOnly, "", "e")]
    [InlineData(Core.Tracking.ViewType.All, "", "g,e,d,c,b,f,a")]
    [InlineData(Core.Tracking.ViewType.All, "metrics.acc > 0.95", "g,e")]
    [InlineData(Core.Tracking.ViewType.DeletedOnly, "status = 'KILLED'", "e")]
    [InlineData(Core.Tracking.ViewType.ActiveOnly, "status = 'KILLED'", "")]
    public async Task Filter_HonoursViewType(Core.Tracking.ViewType viewType, string filter, string expected)
    {
        var ids = await fixture.SearchAsync(filter, viewType: viewType);
        Assert.Equal(expected, string.Join(",", ids));
    }

    [Fact]
    public async Task Filter_SendsValuesAsParameters_NotAsSqlText()
    {
        const string marker = "zq'; DROP TABLE runs; --";
        var ids = await fixture.SearchAsync($"params.lr = '{marker.Replace("'", "''", StringComparison.Ordinal)}' and tags.stage LIKE '{marker.Replace("'", "''", StringComparison.Ordinal)}%'");
        Assert.Empty(ids);
        var sql = fixture.Database.Commands.Texts.Last();
        Assert.DoesNotContain("DROP TABLE", sql, StringComparison.Ordinal);
        Assert.Equal(7, (await fixture.SearchAsync(null, viewType: Core.Tracking.ViewType.All)).Count);
    }
}
