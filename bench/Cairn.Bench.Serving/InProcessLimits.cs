using System.Diagnostics;
using Cairn.Data.Formats;
using Cairn.Data.Reading;
using Cairn.Serving.Batch;
using Cairn.Training.Scoring;

namespace Cairn.Bench.Serving;

/// <summary>The in-process ceilings: single-row scoring (what one request costs without HTTP) and batch scoring.</summary>
internal static class InProcessLimits
{
    /// <summary>Single-row predictions per second on <paramref name="threads"/> threads for <paramref name="duration"/>.</summary>
    public static double SingleRowRate(BenchModel model, int threads, TimeSpan duration)
    {
        using var scorer = model.Bundle.CreateScorer();
        var records = Enumerable.Range(0, model.Data.RowCount).Select(model.Record).ToArray();
        for (var i = 0; i < 2000; i++)
        {
            scorer.Score(records[i % records.Length]);
        }

        long total = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long count = 0;
            var deadline = duration.Ticks;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.Ticks < deadline)
            {
                for (var i = 0; i < 256; i++, count++)
                {
                    scorer.Score(records[(int)((count + t * 7919) % records.Length)]);
                }
            }

            Interlocked.Add(ref total, count);
        });
        return total / clock.Elapsed.TotalSeconds;
    }

    /// <summary>ML.NET scoring of a table already in memory (the raw rate: no parsing, no writing), best of three.</summary>
    public static async Task<(double RowsPerSecond, int Rows)> RawTableRateAsync(BenchModel model, string csv)
    {
        var table = await TableReader.ReadFileAsync(csv);
        using var scorer = model.Bundle.CreateScorer();
        scorer.Score(model.Data);
        var best = 0.0;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var predictions = scorer.Score(table);
            best = Math.Max(best, predictions.RowCount / clock.Elapsed.TotalSeconds);
        }

        return (best, table.RowCount);
    }

    /// <summary>The engine of <c>cairn score</c>: CSV in, scored Parquet out, streaming in chunks; best of three.</summary>
    public static async Task<double> BatchScorerRateAsync(BenchModel model, string csv, string directory)
    {
        using var scorer = model.Bundle.CreateScorer();
        var best = 0.0;
        for (var run = 0; run < 3; run++)
        {
            await using var input = File.OpenRead(csv);
            await using var output = File.Create(Path.Combine(directory, "scored.parquet"));
            var result = await new BatchScorer(scorer, model.Bundle.Manifest).ScoreAsync(input, DataFormat.Csv, output);
            best = Math.Max(best, result.RowsPerSecond);
        }

        return best;
    }
}
