using System.Diagnostics;
using Cairn.Core.Search;
using Cairn.Storage.Tracking;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Cairn.Storage.Tests.Search;

public sealed class RunSearchPerformanceTests(RunSearchPerformanceFixture fixture, ITestOutputHelper output)
    : IClassFixture<RunSearchPerformanceFixture>
{
    [Theory]
    [InlineData("metrics.acc > 0.5", new[] { "metrics.acc DESC" })]
    [InlineData("params.lr = '0.01' and metrics.acc > 0.3", new[] { "metrics.loss ASC" })]
    [InlineData("", new string[0])]
    [InlineData("tags.stage = 'prod'", new[] { "params.lr", "metrics.acc DESC" })]
    [InlineData("run_name LIKE 'run-1%' and status = 'FINISHED'", new[] { "start_time ASC" })]
    public async Task Search_Over10kRuns_PageTakesUnder50msAtTheMedian(string filter, string[] orderBy)
    {
        var query = new RunSearchQuery
        {
            ExperimentIds = ["1"],
            Filter = SearchFilterParser.Parse(filter, SearchContext.Runs),
            OrderBy = SearchFilterParser.ParseOrderBy(orderBy, SearchContext.Runs),
        };

        var first = await RunSearchTranslator.Apply(fixture.Database.Context, query).Take(100).ToListAsync();
        Assert.NotEmpty(first);

        var timings = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < 15; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var page = await RunSearchTranslator.Apply(fixture.Database.Context, query).Skip(100).Take(100).ToListAsync();
            timings.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            Assert.Equal(100, page.Count);
        }

        timings.Sort();
        cpu.Sort();
        var p50 = timings[timings.Count / 2];
        output.WriteLine($"{filter} | {string.Join(", ", orderBy)}: p50 {p50:F1} ms, max {timings[^1]:F1} ms, cpu p50 {cpu[cpu.Count / 2]:F1} ms");
        Assert.True(p50 <= 50, $"p50 {p50:F1} ms exceeds 50 ms for '{filter}' ordered by [{string.Join(", ", orderBy)}].");
    }
}
