using Cairn.Data.Tables;

namespace Cairn.Training.Scoring;

/// <summary>
/// Scores inputs with a loaded model. Implementations are thread-safe: one scorer serves concurrent
/// requests (ML.NET engines are pooled, ONNX sessions are shared).
/// </summary>
public interface IModelScorer : IDisposable
{
    ModelTask Task { get; }

    /// <summary>Binary: [negative, positive]; multiclass: every class; regression: empty.</summary>
    IReadOnlyList<string> ClassLabels { get; }

    /// <summary>Scores every row of a table; input columns are matched by name, extra columns are ignored.</summary>
    PredictionBatch Score(DataTable input, CancellationToken cancellationToken = default);

    /// <summary>
    /// Scores one record (input name to value: numbers, strings, bools, DateTime or JsonElement;
    /// an absent or null value is missing). The fast path for online serving.
    /// </summary>
    Prediction Score(IReadOnlyDictionary<string, object?> record);
}
