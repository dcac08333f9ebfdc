using System.Globalization;
using Cairn.Core.Tracking;

namespace Cairn.Server.Ui.Pages.Compare;

/// <summary>Builds the diff table of runs: params, metrics (latest values) and tags, each row marked when the runs disagree.</summary>
public static class CompareDiff
{
    public const string Params = "Params";
    public const string Metrics = "Metrics";
    public const string Tags = "Tags";

    public static IReadOnlyList<DiffRow> Build(IReadOnlyList<Run> runs, bool onlyDifferences)
    {
        var rows = new List<DiffRow>();
        rows.AddRange(Section(Params, runs, r => r.Params.Select(p => (p.Key, (string?)p.Value))));
        // Metrics compare by value, not by their formatting: 0.30000001 and 0.3 differ even if shown alike.
        rows.AddRange(Section(Metrics, runs, r => r.Metrics.Select(m => (m.Key, (string?)m.Value.ToString("R", CultureInfo.InvariantCulture))))
            .Select(row => row with { Values = [.. row.Values.Select(v => v is null ? null : Format.Number(double.Parse(v, CultureInfo.InvariantCulture)))] }));
        rows.AddRange(Section(Tags, runs, r => r.Tags.Select(t => (t.Key, (string?)t.Value))));
        return onlyDifferences ? [.. rows.Where(r => r.Differs)] : rows;
    }

    private static IEnumerable<DiffRow> Section(string section, IReadOnlyList<Run> runs, Func<Run, IEnumerable<(string Key, string? Value)>> pick)
    {
        var perRun = runs.Select(r => pick(r).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal)).ToList();
        var keys = perRun.SelectMany(d => d.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var values = perRun.Select(d => d.GetValueOrDefault(key)).ToList();
            yield return new DiffRow(section, key, values, values.Skip(1).Any(v => !string.Equals(v, values[0], StringComparison.Ordinal)));
        }
    }
}
