using Cairn.Data.Tables;
using Cairn.Training;
using Cairn.Training.Scoring;
using Parquet;
using Parquet.Schema;

namespace Cairn.Serving.Batch;

/// <summary>
/// Writes scored chunks as Parquet, one row group per chunk: the input columns (features in their
/// signature types, others as text), then <c>label</c>, <c>score</c> and one <c>probability_&lt;class&gt;</c>
/// column per class. A name that clashes with an input column gets a <c>prediction_</c> prefix.
/// </summary>
internal sealed class BatchOutputWriter : IAsyncDisposable
{
    private readonly ParquetWriter _writer;
    private readonly int[] _inputs;
    private readonly DataField[] _inputFields;
    private readonly DataField? _label;
    private readonly DataField _score;
    private readonly DataField[] _probabilities;

    private BatchOutputWriter(ParquetWriter writer, int[] inputs, DataField[] inputFields, DataField? label, DataField score, DataField[] probabilities)
    {
        _writer = writer;
        _inputs = inputs;
        _inputFields = inputFields;
        _label = label;
        _score = score;
        _probabilities = probabilities;
    }

    public IReadOnlyList<string> ColumnNames =>
        [.. _inputFields.Select(f => f.Name), .. _label is null ? Array.Empty<string>() : [_label.Name], _score.Name, .. _probabilities.Select(f => f.Name)];

    public static async Task<BatchOutputWriter> CreateAsync(Stream output, IReadOnlyList<ChunkColumn> plan, ModelTask task, IReadOnlyList<string> classLabels,
        CancellationToken cancellationToken)
    {
        var inputs = Enumerable.Range(0, plan.Count).Where(i => plan[i].InOutput).ToArray();
        var inputFields = inputs.Select(i => Field(plan[i])).ToArray();
        var taken = new HashSet<string>(inputFields.Select(f => f.Name), StringComparer.Ordinal);
        string Free(string name) => taken.Add(name) ? name : Free("prediction_" + name);

        var label = task == ModelTask.Regression ? null : new DataField<string>(Free("label"));
        var score = new DataField<double>(Free("score"));
        var probabilities = task == ModelTask.Regression ? [] : classLabels.Select(c => (DataField)new DataField<double>(Free("probability_" + c))).ToArray();
        DataField[] all = [.. inputFields, .. label is null ? Array.Empty<DataField>() : [label], score, .. probabilities];
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(all), output, cancellationToken: cancellationToken);
        return new BatchOutputWriter(writer, inputs, inputFields, label, score, probabilities);
    }

    public async Task WriteAsync(ScoringChunk chunk, PredictionBatch predictions, CancellationToken cancellationToken)
    {
        using var group = _writer.CreateRowGroup();
        for (var i = 0; i < _inputs.Length; i++)
        {
            await WriteColumnAsync(group, _inputFields[i], chunk.Columns[_inputs[i]], cancellationToken);
        }

        if (_label is not null)
        {
            await group.WriteAsync(_label, predictions.Labels!, null);
        }

        await group.WriteAsync(_score, new ReadOnlyMemory<double>(predictions.Scores), null, null, cancellationToken);
        var values = new double[predictions.RowCount];
        for (var k = 0; k < _probabilities.Length; k++)
        {
            for (var row = 0; row < values.Length; row++)
            {
                values[row] = predictions.Probability(row, k);
            }

            await group.WriteAsync(_probabilities[k], new ReadOnlyMemory<double>(values), null, null, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static DataField Field(ChunkColumn column) => column.Type switch
    {
        ColumnType.Numeric => new DataField<double?>(column.Name),
        ColumnType.Boolean => new DataField<bool?>(column.Name),
        ColumnType.DateTime => new DataField<DateTime?>(column.Name),
        _ => new DataField<string>(column.Name),
    };

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, DataColumn column, CancellationToken cancellationToken)
    {
        switch (column.Schema.Type)
        {
            case ColumnType.Numeric:
                var numbers = new double?[column.Length];
                var source = column.Numbers!;
                for (var i = 0; i < numbers.Length; i++)
                {
                    numbers[i] = double.IsNaN(source[i]) ? null : source[i];
                }

                await group.WriteAsync<double>(field, numbers.AsMemory(), null, null, cancellationToken);
                break;
            case ColumnType.Boolean:
                await group.WriteAsync<bool>(field, column.Booleans!.AsMemory(), null, null, cancellationToken);
                break;
            case ColumnType.DateTime:
                await group.WriteAsync<DateTime>(field, column.Times!.AsMemory(), null, null, cancellationToken);
                break;
            default:
                await group.WriteAsync(field, column.Strings!, null);
                break;
        }
    }
}
