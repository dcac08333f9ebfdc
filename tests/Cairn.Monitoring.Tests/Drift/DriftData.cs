using Cairn.Data.Profiling;
using Cairn.Monitoring.Drift;
using Cairn.Monitoring.Tests.Statistics;

namespace Cairn.Monitoring.Tests.Drift;

/// <summary>Reference/current columns built from the golden cases and from simple sequences.</summary>
internal static class DriftData
{
    public static DriftReferenceColumn NumericReference(string id, long? rowCount = null, string name = "x")
    {
        var values = Golden.Case(id).Numbers("reference");
        return new DriftReferenceColumn { Name = name, RowCount = rowCount ?? values.Length, Values = values };
    }

    public static DriftCurrentColumn NumericCurrent(string id, string name = "x") =>
        new() { Name = name, Values = Golden.Case(id).Numbers("current") };

    public static DriftReferenceColumn CategoricalReference(string id, long? rowCount = null, string name = "c")
    {
        var c = Golden.Case(id);
        var categories = c.Strings("categories");
        var counts = c.Counts("reference_counts");
        return new DriftReferenceColumn
        {
            Name = name,
            RowCount = rowCount ?? counts.Sum(),
            Categories = [.. categories.Select((k, i) => new CategoryCount(k, counts[i]))],
        };
    }

    public static DriftCurrentColumn CategoricalCurrent(string id, string name = "c") =>
        new() { Name = name, Categories = Golden.Case(id).Strings("current") };

    /// <summary>n values cycling through <paramref name="levels"/> distinct numbers, shifted.</summary>
    public static double[] Levels(int n, int levels, double shift = 0) =>
        [.. Enumerable.Range(0, n).Select(i => (i % levels) + shift)];

    public static DriftReferenceColumn Reference(string name, double[] values, long? rowCount = null) =>
        new() { Name = name, RowCount = rowCount ?? values.Length, Values = values };

    public static DriftCurrentColumn Current(string name, double[] values) => new() { Name = name, Values = values };
}
