using System.Globalization;
using Cairn.Data.Tables;

namespace Cairn.Data.Validation;

internal sealed partial class ValidationSink
{
    public ValidationReport Report()
    {
        var failures = new List<ValidationFailure>();
        var soft = mode == ValidationMode.Reference ? Severity.Warning : Severity.Error;
        foreach (var checker in _checkers)
        {
            if (checker.Index < 0)
            {
                failures.Add(new ValidationFailure(Severity.Error, ValidationRules.MissingColumn, checker.Expected.Name,
                    $"Column '{checker.Expected.Name}' is missing from the data."));
                continue;
            }

            AddColumnFailures(failures, checker, soft);
        }

        var expected = schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in _names.Where(n => !expected.Contains(n)))
        {
            failures.Add(new ValidationFailure(schema.AllowExtraColumns ? Severity.Warning : Severity.Error, ValidationRules.ExtraColumn, extra,
                $"Column '{extra}' is not in the {(mode == ValidationMode.Reference ? "reference" : "schema")}."));
        }

        if (_rows < schema.MinRows || _rows > schema.MaxRows)
        {
            failures.Add(new ValidationFailure(Severity.Error, ValidationRules.RowCount, null,
                $"The data has {_rows} rows; expected {Bounds(schema.MinRows, schema.MaxRows)}.") { Count = _rows });
        }

        if (_duplicates > 0)
        {
            failures.Add(new ValidationFailure(Severity.Error, ValidationRules.DuplicateKey, string.Join(",", schema.Key!),
                $"{_duplicates} rows repeat a key ({string.Join(", ", schema.Key!)}) that an earlier row has.")
            { Count = _duplicates, Examples = _duplicateExamples });
        }

        return new ValidationReport
        {
            RowCount = _rows,
            Against = against,
            Failures = [.. failures.OrderBy(f => f.Severity)],
        };
    }

    private void AddColumnFailures(List<ValidationFailure> failures, ColumnChecker checker, Severity soft)
    {
        var column = checker.Expected;
        var name = column.Name;
        var rate = _rows == 0 ? 0 : (double)checker.Missing / _rows;
        if (checker.TypeMismatches > 0)
        {
            failures.Add(new ValidationFailure(Severity.Error, ValidationRules.TypeMismatch, name,
                $"Column '{name}': {checker.TypeMismatches} values are not {Describe(column.Type)}.")
            { Count = checker.TypeMismatches, Examples = checker.TypeExamples });
        }

        if (!column.Nullable && checker.Missing > 0)
        {
            failures.Add(new ValidationFailure(soft, ValidationRules.MissingValues, name,
                $"Column '{name}': {checker.Missing} missing values ({Percent(rate)}) where none are allowed.")
            { Count = checker.Missing, Examples = checker.MissingExamples });
        }
        else if (column.MaxMissingRate is { } max && rate > max)
        {
            failures.Add(new ValidationFailure(soft, ValidationRules.MissingRate, name,
                $"Column '{name}': {Percent(rate)} of values are missing; at most {Percent(max)} is allowed.")
            { Count = checker.Missing, Examples = checker.MissingExamples });
        }

        if (checker.UnseenTotal > 0)
        {
            var values = string.Join(", ", checker.Unseen.OrderByDescending(p => p.Value).Take(5).Select(p => $"'{p.Key}' ({p.Value})"));
            failures.Add(new ValidationFailure(soft, ValidationRules.UnseenCategory, name,
                $"Column '{name}': {checker.UnseenTotal} values outside the known categories: {values}{(checker.Unseen.Count > 5 ? ", ..." : "")}.")
            { Count = checker.UnseenTotal, Examples = checker.UnseenExamples });
        }

        if (checker.BelowMin + checker.AboveMax > 0)
        {
            failures.Add(new ValidationFailure(soft, ValidationRules.OutOfRange, name,
                $"Column '{name}': {checker.BelowMin + checker.AboveMax} values outside [{Bound(column.Min)}, {Bound(column.Max)}] ({checker.BelowMin} below, {checker.AboveMax} above).")
            { Count = checker.BelowMin + checker.AboveMax, Examples = checker.RangeExamples });
        }
    }

    private static string Describe(ColumnType type) => type switch
    {
        ColumnType.Numeric => "numbers",
        ColumnType.Boolean => "booleans (true/false)",
        ColumnType.DateTime => "ISO 8601 dates",
        _ => "text",
    };

    private static string Percent(double rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Bound(double? value) => value is { } v ? ColumnChecker.Format(v) : "-inf";

    private static string Bounds(long? min, long? max) =>
        (min, max) switch
        {
            ({ } lo, { } hi) => $"between {lo} and {hi}",
            ({ } lo, null) => $"at least {lo}",
            (null, { } hi) => $"at most {hi}",
            _ => "any number",
        };
}
