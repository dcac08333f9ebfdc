using Cairn.Training.Views;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Cairn.Training.Scoring;

/// <summary>One non-thread-safe scoring pipeline: an input row, the model's mapped output row and its getters.</summary>
internal sealed class MlNetEngine : IDisposable
{
    private readonly FrameRow _input;
    private readonly DataViewRow _output;
    private readonly ModelTask _task;
    private readonly ValueGetter<float>? _score;
    private readonly ValueGetter<float>? _probability;
    private readonly ValueGetter<bool>? _binaryLabel;
    private readonly ValueGetter<VBuffer<float>>? _scores;
    private VBuffer<float> _buffer;

    public MlNetEngine(ITransformer model, ViewLayout layout, ModelTask task)
    {
        _task = task;
        SingleRow = layout.NewFrame(1);
        _input = new FrameRow(layout, SingleRow);
        var mapper = model.GetRowToRowMapper(layout.Schema);
        var schema = mapper.OutputSchema;
        var names = task switch
        {
            ModelTask.BinaryClassification => new[] { "PredictedLabel", "Probability" },
            _ => ["Score"],
        };
        _output = mapper.GetRow(_input, names.Select(n => schema[n]));
        switch (task)
        {
            case ModelTask.BinaryClassification:
                _binaryLabel = _output.GetGetter<bool>(schema["PredictedLabel"]);
                _probability = _output.GetGetter<float>(schema["Probability"]);
                break;
            case ModelTask.MulticlassClassification:
                _scores = _output.GetGetter<VBuffer<float>>(schema["Score"]);
                break;
            default:
                _score = _output.GetGetter<float>(schema["Score"]);
                break;
        }
    }

    /// <summary>A one-row frame for single-record scoring.</summary>
    public ViewFrame SingleRow { get; }

    public void Score(ViewFrame frame, int row, PredictionBatch batch, int target)
    {
        _input.MoveTo(frame, row);
        switch (_task)
        {
            case ModelTask.BinaryClassification:
                var label = false;
                var probability = 0f;
                _binaryLabel!(ref label);
                _probability!(ref probability);
                var probabilities = batch.ProbabilitiesOf(target);
                probabilities[0] = 1 - probability;
                probabilities[1] = probability;
                batch.Labels![target] = batch.ClassLabels[label ? 1 : 0];
                batch.Scores[target] = probability;
                break;
            case ModelTask.MulticlassClassification:
                _scores!(ref _buffer);
                var classProbabilities = batch.ProbabilitiesOf(target);
                if (_buffer.IsDense)
                {
                    _buffer.GetValues().ConvertTo(classProbabilities);
                }
                else
                {
                    var k = 0;
                    foreach (var value in _buffer.DenseValues())
                    {
                        classProbabilities[k++] = value;
                    }
                }

                ScoreWriter.FromProbabilities(batch, target);
                break;
            default:
                var score = 0f;
                _score!(ref score);
                batch.Scores[target] = score;
                break;
        }
    }

    public void Dispose() => _output.Dispose();
}
