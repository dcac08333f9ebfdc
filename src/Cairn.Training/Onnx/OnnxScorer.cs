using Cairn.Core.Errors;
using Cairn.Data.Tables;
using Cairn.Training.Bundles;
using Cairn.Training.Scoring;
using Cairn.Training.Views;
using Microsoft.ML.OnnxRuntime;

namespace Cairn.Training.Onnx;

/// <summary>
/// Scores an ONNX graph with ONNX Runtime. An InferenceSession may run concurrently, so one session
/// serves every caller. Each graph input takes one value per row, read from the table column of
/// the same name (or, for derived inputs such as date parts, from its source column).
/// </summary>
internal sealed partial class OnnxScorer : IModelScorer
{
    private readonly InferenceSession _session;
    private readonly BundleManifest _manifest;

    public OnnxScorer(byte[] model, BundleManifest manifest)
    {
        _session = new InferenceSession(model);
        _manifest = manifest;
    }

    public ModelTask Task => _manifest.Task;

    public IReadOnlyList<string> ClassLabels => _manifest.ClassLabels;

    public PredictionBatch Score(DataTable input, CancellationToken cancellationToken = default)
    {
        var byName = input.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var values = _manifest.Inputs.Select(field =>
        {
            var source = field.SourceColumn ?? field.Name;
            return byName.TryGetValue(source, out var column)
                ? InputTensor(field, input.RowCount, column, null)
                : throw CairnException.InvalidParameter(
                    $"Input column '{source}' is missing; the model needs: {string.Join(", ", _manifest.Inputs.Select(i => i.SourceColumn ?? i.Name).Distinct())}.");
        }).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        return Run(values, input.RowCount);
    }

    public Prediction Score(IReadOnlyDictionary<string, object?> record)
    {
        var values = _manifest.Inputs
            .Select(field => InputTensor(field, 1, null, record.GetValueOrDefault(field.SourceColumn ?? field.Name)))
            .ToList();
        return Run(values, 1)[0];
    }

    public void Dispose() => _session.Dispose();

    private PredictionBatch Run(List<NamedOnnxValue> inputs, int rows)
    {
        var batch = new PredictionBatch(Task, ClassLabels, rows);
        if (rows == 0)
        {
            return batch;
        }

        var map = _manifest.OnnxOutputs ?? new OnnxOutputMap();
        var wanted = new[] { map.Label, map.Score, map.Probabilities }.OfType<string>().Distinct().ToList();
        using var results = _session.Run(inputs, wanted);
        var outputs = results.ToDictionary(r => r.Name, r => (NamedOnnxValue)r, StringComparer.Ordinal);
        Fill(batch, outputs, map);
        return batch;
    }

    private static DatePart? PartOf(SignatureField field) => ViewLayout.ParseDatePart(field.Derivation);
}
