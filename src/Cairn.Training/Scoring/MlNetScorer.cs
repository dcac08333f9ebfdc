using Cairn.Data.Tables;
using Cairn.Training.Views;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace Cairn.Training.Scoring;

/// <summary>
/// Scores with an ML.NET model. A row-to-row mapper over a reusable input row is what
/// PredictionEngine does inside; it is not thread-safe, so engines are pooled and each call rents one.
/// Batch and single-record scoring share the engine, so they cannot disagree.
/// </summary>
internal sealed class MlNetScorer : IModelScorer
{
    private readonly ObjectPool<MlNetEngine> _engines;

    public MlNetScorer(ITransformer model, ViewLayout layout, ModelTask task, IReadOnlyList<string> classLabels)
    {
        Task = task;
        ClassLabels = classLabels;
        Layout = layout;
        Model = model;
        var provider = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 };
        _engines = provider.Create(new EnginePolicy(this));
    }

    public ModelTask Task { get; }

    public IReadOnlyList<string> ClassLabels { get; }

    internal ViewLayout Layout { get; }

    internal ITransformer Model { get; }

    public PredictionBatch Score(DataTable input, CancellationToken cancellationToken = default)
    {
        var frame = Layout.Load(input);
        var batch = new PredictionBatch(Task, ClassLabels, frame.RowCount);
        var engine = _engines.Get();
        try
        {
            for (var row = 0; row < frame.RowCount; row++)
            {
                if ((row & 1023) == 1023)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                engine.Score(frame, row, batch, row);
            }
        }
        finally
        {
            _engines.Return(engine);
        }

        return batch;
    }

    public Prediction Score(IReadOnlyDictionary<string, object?> record)
    {
        var batch = new PredictionBatch(Task, ClassLabels, 1);
        var engine = _engines.Get();
        try
        {
            Layout.Fill(engine.SingleRow, record);
            engine.Score(engine.SingleRow, 0, batch, 0);
        }
        finally
        {
            _engines.Return(engine);
        }

        return batch[0];
    }

    public void Dispose() => (_engines as IDisposable)?.Dispose();

    private sealed class EnginePolicy(MlNetScorer scorer) : PooledObjectPolicy<MlNetEngine>
    {
        public override MlNetEngine Create() => new(scorer.Model, scorer.Layout, scorer.Task);

        public override bool Return(MlNetEngine obj) => true;
    }
}
