using Cairn.Data.Tables;
using Cairn.Serving.PredictionLog;

namespace Cairn.Serving.Tests.PredictionLog;

public sealed class PredictionLogReaderTests
{
    private static readonly long Start = PredictionLogHarness.Ms(2026, 3, 1);
    private const long Hour = 3_600_000;

    /// <summary>72 hourly records over three days, in segments of 5 records; every 4th is a shadow of variant green.</summary>
    private static async Task<PredictionLogHarness> ThreeDaysAsync()
    {
        var log = new PredictionLogHarness(o => o.BatchSize = 5);
        await log.StartAsync();
        for (var h = 0; h < 72; h++)
        {
            var inputs = new Dictionary<string, object?> { ["x"] = (double)h, ["hour"] = (long)(h % 24), ["city"] = "Seattle", ["wet"] = h % 2 == 0 };
            log.Log.TryRecord(PredictionLogHarness.Record($"r{h}", Start + h * Hour, variant: h % 4 == 0 ? "green" : "blue", shadow: h % 4 == 0, inputs: inputs));
        }

        await log.StopAsync();
        return log;
    }

    [Fact]
    public async Task Read_WindowAcrossDays_ReturnsOnlyTheWindowAndOnlyTheAskedColumns()
    {
        await using var log = await ThreeDaysAsync();
        Assert.True(log.Files().Count() >= 72 / 5);

        var window = await log.Reader.ReadAsync(new PredictionLogQuery
        {
            Deployment = "weather",
            From = Start + 36 * Hour,
            To = Start + 54 * Hour,
            Features = ["x"],
            Outputs = PredictionOutputs.None,
        }, CancellationToken.None);

        Assert.Equal(18, window.RowCount);
        Assert.Equal(Enumerable.Range(36, 18).Select(h => Start + h * Hour), window.Timestamps);
        Assert.Equal(Enumerable.Range(36, 18).Select(h => (double)h), window.Features["x"].Numbers!);
        Assert.Equal(["x"], window.Features.Columns.Select(c => c.Name));
        Assert.Null(window.Labels);
        Assert.Null(window.Scores);
        Assert.Null(window.Probabilities);
        Assert.Null(window.Models);
    }

    [Fact]
    public async Task Read_SegmentsOutsideTheWindow_AreNotOpened()
    {
        await using var log = await ThreeDaysAsync();
        // A corrupt segment on day 1: reading a day-3 window must not touch it (skipped by its name).
        var corrupt = Path.Combine(log.Root, "weather", "2026-03-01", PredictionLogLayout.SegmentName(Start, Start + Hour, "deadbeef", 1));
        await File.WriteAllTextAsync(corrupt, "not parquet");

        var day3 = await log.Reader.ReadAsync(new PredictionLogQuery { Deployment = "weather", From = Start + 48 * Hour }, CancellationToken.None);

        Assert.Equal(24, day3.RowCount);
        await Assert.ThrowsAnyAsync<Exception>(() => log.ReadAllAsync());
    }

    [Fact]
    public async Task Segments_CarryTimestampStatistics_SoRowGroupsCanBeSkipped()
    {
        await using var log = await ThreeDaysAsync();
        var file = log.Files().Order().First();
        Assert.True(PredictionLogLayout.TryParseSegment(Path.GetFileName(file), out var min, out var max));

        await using var reader = await Parquet.ParquetReader.CreateAsync(file);
        using var group = reader.OpenRowGroupReader(0);
        var stats = group.GetStatistics(reader.Schema.GetDataFields().Single(f => f.Name == PredictionLogLayout.Timestamp));

        Assert.Equal(min, Assert.IsType<long>(stats!.MinValue));
        Assert.Equal(max, Assert.IsType<long>(stats.MaxValue));
        Assert.Equal(Start, min);
    }

    [Fact]
    public async Task Read_LastN_ReturnsTheNewestOldestFirst()
    {
        await using var log = await ThreeDaysAsync();

        var last = await log.Reader.ReadAsync(new PredictionLogQuery { Deployment = "weather", Last = 7 }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(65, 7).Select(h => $"r{h}"), last.RequestIds);
    }

    [Fact]
    public async Task Read_VariantAndShadowFilters_SelectRows()
    {
        await using var log = await ThreeDaysAsync();

        var green = await log.Reader.ReadAsync(new PredictionLogQuery { Deployment = "weather", Variant = "green" }, CancellationToken.None);
        var live = await log.Reader.ReadAsync(new PredictionLogQuery { Deployment = "weather", IncludeShadow = false }, CancellationToken.None);

        Assert.Equal(18, green.RowCount);
        Assert.All(green.Shadow, Assert.True);
        Assert.Equal(54, live.RowCount);
        Assert.All(live.Variants, v => Assert.Equal("blue", v));
    }

    [Fact]
    public async Task Read_TypedFeaturesAndOutputs_RoundTrip()
    {
        await using var log = new PredictionLogHarness();
        await log.StartAsync();
        var when = new DateTime(2026, 3, 1, 8, 30, 0, DateTimeKind.Utc);
        var inputs = new Dictionary<string, object?>
        {
            ["temp"] = 12.5, ["count"] = 7L, ["city"] = "Seattle", ["wet"] = true, ["date"] = when, ["score"] = 0.1, ["gap"] = null,
        };
        log.Log.TryRecord(PredictionLogHarness.Record("r1", Start, inputs: inputs) with { Probabilities = [0.1, 0.2, 0.7], Label = "sun", Score = 0.7 });
        log.Log.TryRecord(PredictionLogHarness.Record("r2", Start + 1, inputs: new Dictionary<string, object?> { ["temp"] = 3.0 }) with { Probabilities = null, Label = null });
        await log.StopAsync();

        var all = await log.ReadAllAsync();

        var f = all.Features;
        Assert.Equal(ColumnType.Numeric, f["temp"].Schema.Type);
        Assert.Equal([12.5, 3.0], f["temp"].Numbers!);
        Assert.Equal(7.0, f["count"].Numbers![0]);
        Assert.True(double.IsNaN(f["count"].Numbers![1]));
        Assert.Equal<IEnumerable<string?>>(["Seattle", null], f["city"].Strings!);
        Assert.Equal([true, null], f["wet"].Booleans!);
        Assert.Equal(when, f["date"].Times![0]);
        Assert.Equal(0.1, f["score"].Numbers![0]); // a feature named like a fixed column keeps its name
        Assert.Equal(ColumnType.Text, f["gap"].Schema.Type);
        Assert.Equal<IEnumerable<string?>>(["sun", null], all.Labels!);
        Assert.Equal([0.7, 0.75], all.Scores!);
        Assert.Equal([0.1, 0.2, 0.7], all.Probabilities![0]!);
        Assert.Null(all.Probabilities![1]);
        Assert.Equal(["seattle", "seattle"], all.Models!);
        Assert.Equal([3L, 3L], all.Versions!);
        Assert.Equal([120L, 120L], all.LatencyMicros!);
    }

    [Fact]
    public async Task Read_FeatureTypeChangingBetweenSegments_FallsBackToText()
    {
        await using var log = new PredictionLogHarness(o => o.BatchSize = 1);
        await log.StartAsync();
        log.Log.TryRecord(PredictionLogHarness.Record("r1", Start, inputs: new Dictionary<string, object?> { ["v"] = 1.5 }));
        log.Log.TryRecord(PredictionLogHarness.Record("r2", Start + 1, inputs: new Dictionary<string, object?> { ["v"] = "high" }));
        log.Log.TryRecord(PredictionLogHarness.Record("r3", Start + 2, inputs: new Dictionary<string, object?> { ["w"] = true }));
        await log.StopAsync();

        var all = await log.ReadAllAsync();

        Assert.Equal<IEnumerable<string?>>(["1.5", "high", null], all.Features["v"].Strings!);
        Assert.Equal([null, null, true], all.Features["w"].Booleans!);
    }

    [Fact]
    public async Task Read_OneSegmentWithMixedKindsLateFeaturesAndOutOfOrderTimes_IsSortedAndAligned()
    {
        await using var log = new PredictionLogHarness();
        await log.StartAsync();
        log.Log.TryRecord(PredictionLogHarness.Record("r2", Start + 2, inputs: new Dictionary<string, object?> { ["v"] = 2L, ["late"] = null }));
        log.Log.TryRecord(PredictionLogHarness.Record("r0", Start, inputs: new Dictionary<string, object?> { ["v"] = true }));
        log.Log.TryRecord(PredictionLogHarness.Record("r1", Start + 1, inputs: new Dictionary<string, object?> { ["late"] = 4.5, ["v"] = null }));
        log.Log.TryRecord(PredictionLogHarness.Record("r3", Start + 3, inputs: new Dictionary<string, object?> { ["v"] = 0.25 }));
        await log.StopAsync();

        var all = await log.ReadAllAsync();

        Assert.Equal(["r0", "r1", "r2", "r3"], all.RequestIds);
        Assert.Equal<IEnumerable<string?>>(["true", null, "2", "0.25"], all.Features["v"].Strings!);
        Assert.Equal(ColumnType.Numeric, all.Features["late"].Schema.Type);
        var late = all.Features["late"].Numbers!;
        Assert.Equal(4.5, late[1]);
        Assert.All(new[] { late[0], late[2], late[3] }, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public async Task Read_UnknownDeployment_IsEmpty()
    {
        await using var log = new PredictionLogHarness();

        Assert.Equal(0, (await log.ReadAllAsync("nobody")).RowCount);
    }
}
