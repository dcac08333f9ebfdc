using System.Text;
using Cairn.Data.Formats;
using Cairn.Data.Reading;
using Cairn.Serving.Batch;

namespace Cairn.Cli.Tests.Serving;

public sealed class BatchScorerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task Score_GivesTheSameOutputWhateverTheChunkSize(int batchSize)
    {
        var (bundle, _) = await ServingTestModel.GetAsync();
        using var scorer = bundle.CreateScorer();
        var csv = string.Join('\n', (await File.ReadAllLinesAsync(ServingTestModel.DataFile)).Take(60));
        var expected = scorer.Score(await TableReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), DataFormat.Csv));
        var progress = new List<long>();

        var (result, table) = await ScoreAsync(scorer, bundle.Manifest, csv, DataFormat.Csv, new BatchScoringOptions { BatchSize = batchSize, MaxParallelism = 3 }, progress);

        Assert.Equal(59, result.Rows);
        Assert.Equal(expected.Labels, table["label"].Strings);
        Assert.Equal(expected.Scores, table["score"].Numbers);
        Assert.Equal(59, progress[^1]);
        Assert.True(progress.SequenceEqual(progress.Order()), "progress only grows");
    }

    [Fact]
    public async Task Score_JsonLinesWithKeysAppearingLate_ScoresThemAndKeepsTheFirstChunksColumns()
    {
        var (bundle, _) = await ServingTestModel.GetAsync();
        using var scorer = bundle.CreateScorer();
        const string jsonl = """
            {"id": "a", "precipitation": 0.0, "temp_max": 12.8, "temp_min": 5.0, "wind": 4.7, "date": "2012-01-01"}
            {"id": "b", "precipitation": 10.9, "temp_max": 10.6, "temp_min": 2.8, "date": "2012-01-02", "note": "late key"}
            {"id": "c", "temp_max": 11.7, "temp_min": 7.2, "wind": 2.3, "date": "2012-01-03", "extra": 1}
            """;

        var (result, table) = await ScoreAsync(scorer, bundle.Manifest, jsonl, DataFormat.JsonLines, new BatchScoringOptions { BatchSize = 2 }, []);

        Assert.Equal(3, result.Rows);
        // "note" arrived within the first chunk, so it is an output column; "extra" came after it was written.
        Assert.Contains("note", table.Columns.Select(c => c.Name));
        Assert.DoesNotContain("extra", table.Columns.Select(c => c.Name));
        Assert.Equal(new string?[] { "a", "b", "c" }, table["id"].Strings);
        Assert.True(double.IsNaN(table["wind"].Numbers![1]));
        Assert.True(double.IsNaN(table["precipitation"].Numbers![2]));
        Assert.All(table["label"].Strings!, label => Assert.Contains(label, scorer.ClassLabels));
    }

    [Fact]
    public async Task Score_AColumnNamedLikeAnOutput_GetsPrefixedOutputs()
    {
        var (bundle, _) = await ServingTestModel.GetAsync();
        using var scorer = bundle.CreateScorer();
        const string csv = "label,precipitation,temp_max,temp_min,wind,date\nx,0.0,12.8,5.0,4.7,2012-01-01\n";

        var (_, table) = await ScoreAsync(scorer, bundle.Manifest, csv, DataFormat.Csv, null, []);

        Assert.Equal("x", table["label"].Strings![0]);
        Assert.Contains(table["prediction_label"].Strings![0], scorer.ClassLabels);
    }

    private static async Task<(BatchScoringResult Result, Cairn.Data.Tables.DataTable Table)> ScoreAsync(
        Cairn.Training.Scoring.IModelScorer scorer, Cairn.Training.Bundles.BundleManifest manifest, string text, DataFormat format,
        BatchScoringOptions? options, List<long> progress)
    {
        using var output = new MemoryStream();
        var result = await new BatchScorer(scorer, manifest).ScoreAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(text)), format, output, options, new Recorder(progress));
        output.Position = 0;
        return (result, await TableReader.ReadAsync(output, DataFormat.Parquet));
    }

    /// <summary>Synchronous, unlike <see cref="Progress{T}"/>, so the test sees every report before the call returns.</summary>
    private sealed class Recorder(List<long> reports) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
