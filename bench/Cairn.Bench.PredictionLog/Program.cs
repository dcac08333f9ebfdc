using System.Diagnostics;
using System.Threading.Channels;
using Cairn.Bench.PredictionLog;
using Cairn.Core.Serving;
using Cairn.Data.Tables;
using Cairn.Data.Writing;
using Cairn.Serving.PredictionLog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Prediction log costs: what TryRecord adds to a request (ns and bytes per record, one thread and two)
// against a raw bounded-channel write of the same record, and how fast the background writer turns
// buffered records into Parquet segments against Cairn.Data's columnar Parquet writer on the same rows.
const int HotRecords = 2_000_000;
const int WriterRecords = 500_000;
var records = Records.Build(4096);

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

// --- Hot path -----------------------------------------------------------------------------------
double Measure(string name, int threads, Func<int, Func<PredictionRecord, bool>> make)
{
    var best = double.MaxValue;
    long bytes = 0;
    for (var run = 0; run < 5; run++)
    {
        var writers = Enumerable.Range(0, threads).Select(make).ToArray();
        GC.Collect();
        var per = HotRecords / threads;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var write = writers[t];
            for (var i = 0; i < per; i++)
            {
                write(records[(i + t * 7) & 4095]);
            }
        });
        var ns = sw.Elapsed.TotalNanoseconds / HotRecords;
        bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / HotRecords;
        best = Math.Min(best, ns);
    }

    Console.WriteLine($"{name,-58} {best,8:F1} ns/record {bytes,6} B/record");
    return best;
}

PredictionLog NewLog(Action<PredictionLogOptions>? configure = null)
{
    var options = new PredictionLogOptions { Capacity = HotRecords + 1 };
    configure?.Invoke(options);
    return new PredictionLog(Options.Create(options));
}

foreach (var threads in new[] { 1, 2 })
{
    Measure($"baseline: raw bounded Channel.TryWrite ({threads} thread{(threads > 1 ? "s" : "")})", threads, _ =>
    {
        var channel = Channel.CreateBounded<PredictionRecord>(new BoundedChannelOptions(HotRecords + 1) { SingleReader = true });
        return channel.Writer.TryWrite;
    });
    var shared = (PredictionLog?)null;
    Measure($"PredictionLog.TryRecord, rate 1.0 ({threads} thread{(threads > 1 ? "s" : "")})", threads, t => (t == 0 ? shared = NewLog() : shared!).TryRecord);
}

Measure("PredictionLog.TryRecord, rate 0.1 (1 thread)", 1, _ => NewLog(o => o.SampleRate = 0.1).TryRecord);
Measure("PredictionLog.TryRecord, 1 redacted field (1 thread)", 1, _ => NewLog(o => o.RedactFields = ["city"]).TryRecord);

// --- Writer throughput ----------------------------------------------------------------------------
var root = Path.Combine(Path.GetTempPath(), $"cairn-bench-predlog-{Guid.NewGuid():N}");
try
{
    for (var run = 0; run < 3; run++)
    {
        var options = new PredictionLogOptions { Directory = Path.Combine(root, $"log{run}"), Capacity = WriterRecords, BatchSize = 50_000 };
        var log = new PredictionLog(Options.Create(options));
        for (var i = 0; i < WriterRecords; i++)
        {
            log.TryRecord(records[i & 4095] with { RequestId = i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), Timestamp = Records.Start + i });
        }

        using var writer = new PredictionLogWriter(log, TimeProvider.System, NullLogger<PredictionLogWriter>.Instance);

        // Promote the prefilled buffer first: in steady state records live under a second, so copying
        // half a million of them between generations is a cost of this set-up, not of the writer.
        GC.Collect();
        var sw = Stopwatch.StartNew();
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);
        var writerRate = WriterRecords / sw.Elapsed.TotalSeconds;

        var table = Records.Table(WriterRecords, records);
        GC.Collect();
        sw.Restart();
        for (var s = 0; s < WriterRecords / options.BatchSize; s++)
        {
            await TableWriter.WriteFileAsync(table.SelectRows([.. Enumerable.Range(s * options.BatchSize, options.BatchSize)]), Path.Combine(root, $"raw{run}-{s}.parquet"));
        }

        var rawRate = WriterRecords / sw.Elapsed.TotalSeconds;
        var read = new PredictionLogReader(options.Directory);
        sw.Restart();
        var columns = await read.ReadAsync(new PredictionLogQuery { Deployment = "weather", Features = ["temp_max"], Outputs = PredictionOutputs.Score }, CancellationToken.None);
        var readRate = columns.RowCount / sw.Elapsed.TotalSeconds;
        Console.WriteLine($"run {run}: writer {writerRate,10:N0} records/s (written {log.Stats.Written:N0}); baseline ParquetTableWriter same rows {rawRate,10:N0} rows/s; reader 1 feature + score {readRate,12:N0} rows/s");
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}
