using System.Diagnostics;
using System.Threading.Channels;
using Cairn.Data.Formats;
using Cairn.Data.Reading;
using Cairn.Training.Bundles;
using Cairn.Training.Scoring;

namespace Cairn.Serving.Batch;

/// <summary>
/// Scores a whole file with a model, streaming: a reader cuts the input into chunks, chunks are scored
/// concurrently (the scorer is thread-safe) and written in input order as Parquet row groups, so memory
/// stays at a few chunks whatever the input size. Reading, scoring and writing overlap.
/// </summary>
public sealed class BatchScorer(IModelScorer scorer, BundleManifest manifest)
{
    /// <summary>Scores <paramref name="input"/> into <paramref name="output"/> (Parquet); <paramref name="progress"/> hears the rows written so far.</summary>
    public async Task<BatchScoringResult> ScoreAsync(Stream input, DataFormat format, Stream output, BatchScoringOptions? options = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new BatchScoringOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        var parallelism = Math.Max(1, options.MaxParallelism);
        var clock = Stopwatch.StartNew();

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateUnbounded<ScoringChunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        // Bounds the chunks read ahead of the writer; the reader (on its own task) waits on it synchronously
        // because readers push rows through a synchronous sink.
        using var slots = new SemaphoreSlim(parallelism + 1);
        var sink = new ChunkSink(manifest.Inputs, options.BatchSize, chunk =>
        {
            slots.Wait(failed.Token);
            chunks.Writer.TryWrite(chunk);
        });
        var reading = Task.Run(async () =>
        {
            try
            {
                await RecordSource.ReadAsync(input, format, sink, null, failed.Token);
                sink.Complete();
                chunks.Writer.TryComplete();
            }
            catch (Exception e)
            {
                chunks.Writer.TryComplete(e);
                throw;
            }
        }, CancellationToken.None);

        try
        {
            var (rows, columns) = await ScoreAndWriteAsync(chunks.Reader, sink, output, parallelism, slots, progress, failed.Token);
            await reading;
            return new BatchScoringResult(rows, clock.Elapsed, columns);
        }
        catch
        {
            await failed.CancelAsync();
            await Task.WhenAny(reading);
            throw;
        }
    }

    private async Task<(long Rows, IReadOnlyList<string> Columns)> ScoreAndWriteAsync(ChannelReader<ScoringChunk> chunks, ChunkSink sink, Stream output,
        int parallelism, SemaphoreSlim slots, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        BatchOutputWriter? writer = null;
        var inFlight = new Queue<Task<(ScoringChunk Chunk, PredictionBatch Predictions)>>();
        long rows = 0;
        try
        {
            await foreach (var chunk in chunks.ReadAllAsync(cancellationToken))
            {
                // The output schema is fixed by the columns seen up to the first chunk.
                writer ??= await BatchOutputWriter.CreateAsync(output, sink.Plan, scorer.Task, scorer.ClassLabels, cancellationToken);
                inFlight.Enqueue(Task.Run(() => (chunk, scorer.Score(chunk.ToTable(sink.Plan), cancellationToken)), cancellationToken));
                if (inFlight.Count >= parallelism)
                {
                    rows += await WriteNextAsync();
                }
            }

            while (inFlight.Count > 0)
            {
                rows += await WriteNextAsync();
            }

            writer ??= await BatchOutputWriter.CreateAsync(output, sink.Plan, scorer.Task, scorer.ClassLabels, cancellationToken);
            return (rows, writer.ColumnNames);
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
        }

        async Task<long> WriteNextAsync()
        {
            var (chunk, predictions) = await inFlight.Dequeue();
            await writer!.WriteAsync(chunk, predictions, cancellationToken);
            slots.Release();
            progress?.Report(rows + chunk.Count);
            return chunk.Count;
        }
    }
}
