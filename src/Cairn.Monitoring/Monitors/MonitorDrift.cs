using System.Globalization;
using Cairn.Core.Monitoring;
using Cairn.Data.Profiling;
using Cairn.Data.Tables;
using Cairn.Monitoring.Drift;
using Cairn.Serving.Inference;
using Cairn.Serving.PredictionLog;

namespace Cairn.Monitoring.Monitors;

/// <summary>Feature and prediction drift of a window against the model version's training profile.</summary>
internal static class MonitorDrift
{
    /// <summary>The name the prediction's drift is reported under (per-column overrides may use it).</summary>
    public const string PredictionColumn = "prediction";

    public const string EmptyWindow = "no predictions in the window";

    /// <summary>Evidently treats the datetime column as the index, not as a feature to test.</summary>
    public const string DatetimeSkipped = "datetime columns are not drift-tested";

    /// <summary>Every (non-datetime) feature of the model tested against its training column; null when the model has no training profile.</summary>
    public static DatasetDrift? Features(ModelReference reference, PredictionLogColumns columns, DriftOptions options)
    {
        if (reference.Profile is not { } profile)
        {
            return null;
        }

        var tested = new List<(string Name, ColumnProfile Profile)>();
        var skipped = new List<ColumnDrift>();
        foreach (var feature in reference.Features.Features)
        {
            var name = feature.Name;
            var column = profile.Find(name);
            var reason = feature.Kind is FeatureKind.DateTime || column?.Type is ColumnType.DateTime ? DatetimeSkipped
                : column is null ? "not in the training profile"
                : column.Type is ColumnType.Text ? "free-text columns are not drift-tested"
                : columns.RowCount == 0 ? EmptyWindow
                : null;
            if (reason is null)
            {
                tested.Add((name, column!));
            }
            else
            {
                skipped.Add(Skipped(name, column, reason, options));
            }
        }

        if (tested.Count == 0)
        {
            return new DatasetDrift { Columns = skipped, DriftedColumns = 0, Share = 0, DriftShare = options.DriftShare, Drifted = false };
        }

        var references = tested.Select(t => DriftReferenceColumn.FromProfile(t.Profile) with { Name = t.Name }).ToList();
        var current = references.Select(r => Current(r, Find(columns.Features, r.Name))).ToList();
        var drift = DriftCalculator.Compute(references, current, options);
        return skipped.Count == 0 ? drift : drift with { Columns = [.. drift.Columns, .. skipped] };
    }

    /// <summary>
    /// Predicted labels against the training label's category counts (classification), or predicted values
    /// against the label's sample (regression); null when the profile has no label column.
    /// </summary>
    public static ColumnDrift? Prediction(ModelReference reference, PredictionLogColumns columns, DriftOptions options)
    {
        if (reference.Profile?.Find(reference.Manifest.Label ?? "") is not { } label || label.Type is ColumnType.DateTime or ColumnType.Text)
        {
            return null;
        }

        if (columns.RowCount == 0)
        {
            return Skipped(PredictionColumn, label, EmptyWindow, options);
        }

        var referenceColumn = DriftReferenceColumn.FromProfile(label) with { Name = PredictionColumn };
        var current = reference.IsClassification
            ? Current(referenceColumn, strings: columns.Labels ?? [])
            : new DriftCurrentColumn { Name = PredictionColumn, Values = columns.Scores ?? [] };
        return DriftCalculator.ComputeColumn(referenceColumn, current, options);
    }

    private static DataColumn? Find(DataTable table, string name) => table.Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The logged values in the reference's kind: categories as text (booleans true/false as profiled), numbers as doubles (NaN = missing).</summary>
    private static DriftCurrentColumn Current(DriftReferenceColumn reference, DataColumn? column) =>
        Current(reference, column?.Numbers, column?.Strings, column?.Booleans);

    private static DriftCurrentColumn Current(DriftReferenceColumn reference, double[]? numbers = null, string?[]? strings = null, bool?[]? booleans = null)
    {
        if (reference.Values is null)
        {
            var categories = strings
                ?? booleans?.Select(b => b is null ? null : b.Value ? "true" : "false").ToArray()
                ?? numbers?.Select(n => double.IsNaN(n) ? null : n.ToString("R", CultureInfo.InvariantCulture)).ToArray()
                ?? [];
            return new DriftCurrentColumn { Name = reference.Name, Categories = categories };
        }

        var values = numbers
            ?? strings?.Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray()
            ?? booleans?.Select(b => b is null ? double.NaN : b.Value ? 1.0 : 0.0).ToArray()
            ?? [];
        return new DriftCurrentColumn { Name = reference.Name, Values = values };
    }

    private static ColumnDrift Skipped(string name, ColumnProfile? column, string reason, DriftOptions options) => new()
    {
        Column = name,
        Type = column?.Type is ColumnType.Numeric ? "numeric" : "categorical",
        Method = "none",
        Score = double.NaN,
        Threshold = options.PerColumn.TryGetValue(name, out var o) && o.Threshold is { } t ? t : options.Threshold ?? double.NaN,
        Drifted = false,
        ReferenceCount = column?.Count ?? 0,
        Skipped = reason,
    };
}
