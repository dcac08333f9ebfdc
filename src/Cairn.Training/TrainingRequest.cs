using Cairn.Data.Tables;

namespace Cairn.Training;

/// <summary>Everything one training needs: the task, the columns, the trainer and the data.</summary>
public sealed record TrainingRequest
{
    public required ModelTask Task { get; init; }

    /// <summary>The column to predict.</summary>
    public required string Label { get; init; }

    /// <summary>The input columns; null means every column but the label and <see cref="Exclude"/>.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Columns never used as features (ids, timestamps that would leak, ...).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>One of <c>lightgbm</c>, <c>fasttree</c>, <c>fastforest</c>, <c>sdca</c>, <c>lbfgs</c>, <c>baseline</c>.</summary>
    public string Trainer { get; init; } = "lightgbm";

    /// <summary>Trainer hyperparameters by snake_case name; values are invariant-culture strings.</summary>
    public IReadOnlyDictionary<string, string> HyperParameters { get; init; } = new Dictionary<string, string>();

    public int Seed { get; init; }

    /// <summary>For binary classification on a two-valued column: the positive class (default: the second in ordinal order).</summary>
    public string? PositiveClass { get; init; }

    public required DataTable Train { get; init; }

    public DataTable? Validation { get; init; }

    public DataTable? Test { get; init; }

    /// <summary>The training data profile as JSON (computed by Cairn.Data); stored in the bundle as the drift reference.</summary>
    public string? TrainingProfileJson { get; init; }
}
