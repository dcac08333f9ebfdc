using System.Diagnostics;
using Cairn.Serving.Inference;
using Cairn.Training.Bundles;

namespace Cairn.Bench.Inference;

/// <summary>The in-process rates: the scorer alone (record and table paths) and decode + score, single-row, 1 and 2 threads.</summary>
internal static class InProcess
{
    private static readonly byte[] Body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "body.json"));

    public static void Run(ModelBundle bundle)
    {
        using var scorer = bundle.CreateScorer();
        var record = new Dictionary<string, object?>
        {
            ["date"] = new DateTime(2015, 6, 1, 0, 0, 0, DateTimeKind.Utc), ["precipitation"] = 0.0, ["temp_max"] = 25.0, ["temp_min"] = 12.0, ["wind"] = 3.2,
        };
        var schema = FeatureSchema.From(bundle.Manifest);
        var decoded = OipDecoder.Decode(Body, schema, null, OipOutputs.Classifier);
        var table = decoded.Batch.ToTable();
        Measure("OIP decode only, 1 thread(s)", 1, () => OipDecoder.Decode(Body, schema, null, OipOutputs.Classifier));
        Measure("OIP decode + ToTable, 1 thread(s)", 1, () => OipDecoder.Decode(Body, schema, null, OipOutputs.Classifier).Batch.ToTable());
        foreach (var threads in new[] { 1, 2 })
        {
            Measure($"scorer record path, {threads} thread(s)", threads, () => scorer.Score(record));
            Measure($"scorer table path, {threads} thread(s)", threads, () => scorer.Score(table));
            Measure($"OIP decode + score, {threads} thread(s)", threads, () =>
            {
                var request = OipDecoder.Decode(Body, schema, null, OipOutputs.Classifier);
                scorer.Score(request.Batch.ToTable());
            });
        }
    }

    private static void Measure(string name, int threads, Action action)
    {
        for (var i = 0; i < 2000; i++)
        {
            action();
        }

        var duration = TimeSpan.FromSeconds(3);
        var counts = new long[threads];
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var n = 0L;
            while (stopwatch.Elapsed < duration)
            {
                action();
                n++;
            }

            counts[t] = n;
        });
        Console.WriteLine($"{name,-40} {counts.Sum() / stopwatch.Elapsed.TotalSeconds,12:N0} rows/s");
    }
}
