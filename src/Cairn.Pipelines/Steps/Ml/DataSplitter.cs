using System.Globalization;
using Cairn.Core.Errors;
using Cairn.Data.Tables;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>How <c>data.split</c> divides rows.</summary>
public sealed record SplitOptions
{
    public double TestFraction { get; init; } = 0.2;

    /// <summary>random, stratified or time.</summary>
    public string Strategy { get; init; } = "random";

    public string? Label { get; init; }

    public string? OrderBy { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>Time split: training rows are strictly before this instant.</summary>
    public DateTime? TrainUntil { get; init; }

    /// <summary>Time split: test rows are at or after this instant (default: <see cref="TrainUntil"/>).</summary>
    public DateTime? TestFrom { get; init; }
}

/// <summary>
/// Row index splits. Random and stratified splits are reproducible for a seed; a time split orders by
/// a date (or numeric) column and cuts at a date or, without one, keeps the last fraction for testing.
/// Rows keep their original order inside each part.
/// </summary>
public static class DataSplitter
{
    public static (int[] Train, int[] Test) Split(DataTable table, SplitOptions options)
    {
        if (options.TestFraction is <= 0 or >= 1 && options.Strategy != "time")
        {
            throw CairnException.InvalidParameter("Invalid value for 'with.test_fraction': it must be between 0 and 1 (exclusive).");
        }

        return options.Strategy switch
        {
            "random" => ByFraction(Shuffle(Enumerable.Range(0, table.RowCount), options.Seed), options.TestFraction),
            "stratified" => Stratified(table, options),
            "time" => ByTime(table, options),
            _ => throw CairnException.InvalidParameter($"Invalid value '{options.Strategy}' for 'with.strategy': use random, stratified or time."),
        };
    }

    private static (int[] Train, int[] Test) Stratified(DataTable table, SplitOptions options)
    {
        var label = Column(table, options.Label, "label", "a stratified split needs the label column");
        var train = new List<int>();
        var test = new List<int>();
        var groups = Enumerable.Range(0, table.RowCount).GroupBy(r => Key(label, r)).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var (groupTrain, groupTest) = ByFraction(Shuffle(group, options.Seed), options.TestFraction);
            train.AddRange(groupTrain);
            test.AddRange(groupTest);
        }

        return ([.. train.Order()], [.. test.Order()]);
    }

    private static (int[] Train, int[] Test) ByTime(DataTable table, SplitOptions options)
    {
        var order = Column(table, options.OrderBy, "order_by", "a time split needs the date column to order by");
        var rows = Enumerable.Range(0, table.RowCount).Where(r => !order.IsMissing(r)).ToList();
        if (options.TrainUntil is null && options.TestFrom is null)
        {
            if (options.TestFraction is <= 0 or >= 1)
            {
                throw CairnException.InvalidParameter("Invalid value for 'with.test_fraction': it must be between 0 and 1 (exclusive).");
            }

            // Stable sort: ties keep file order, so the cut is deterministic.
            var sorted = rows.OrderBy(r => Instant(order, r)).ToList();
            var trainCount = sorted.Count - TestCount(sorted.Count, options.TestFraction);
            return ([.. sorted.Take(trainCount).Order()], [.. sorted.Skip(trainCount).Order()]);
        }

        if (order.Schema.Type != ColumnType.DateTime)
        {
            throw CairnException.InvalidParameter($"Invalid value '{order.Name}' for 'with.order_by': train_until/test_from need a date column, and it is {order.Schema.Type.ToString().ToLowerInvariant()}.");
        }

        var until = options.TrainUntil ?? options.TestFrom!.Value;
        var from = options.TestFrom ?? until;
        return ([.. rows.Where(r => order.Times![r]!.Value < until)], [.. rows.Where(r => order.Times![r]!.Value >= from)]);
    }

    private static (int[] Train, int[] Test) ByFraction(IReadOnlyList<int> shuffled, double testFraction)
    {
        var testCount = TestCount(shuffled.Count, testFraction);
        return ([.. shuffled.Skip(testCount).Order()], [.. shuffled.Take(testCount).Order()]);
    }

    private static int TestCount(int rows, double fraction) =>
        rows < 2 ? 0 : Math.Clamp((int)Math.Round(rows * fraction, MidpointRounding.AwayFromZero), 1, rows - 1);

    private static List<int> Shuffle(IEnumerable<int> rows, int seed)
    {
        var list = rows.ToList();
        var random = new Random(seed);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static DataColumn Column(DataTable table, string? name, string key, string why)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw CairnException.InvalidParameter($"Missing value for 'with.{key}': {why}.");
        }

        return table.Columns.FirstOrDefault(c => c.Name == name)
            ?? throw CairnException.InvalidParameter($"Invalid value '{name}' for 'with.{key}': the data has no such column ({string.Join(", ", table.Columns.Select(c => c.Name))}).");
    }

    private static string Key(DataColumn column, int row) => column.Schema.Type switch
    {
        _ when column.IsMissing(row) => "",
        ColumnType.Numeric => column.Numbers![row].ToString("R", CultureInfo.InvariantCulture),
        ColumnType.Boolean => column.Booleans![row]!.Value ? "true" : "false",
        ColumnType.DateTime => column.Times![row]!.Value.Ticks.ToString(CultureInfo.InvariantCulture),
        _ => column.Strings![row]!,
    };

    private static double Instant(DataColumn column, int row) => column.Schema.Type switch
    {
        ColumnType.DateTime => column.Times![row]!.Value.Ticks,
        ColumnType.Numeric => column.Numbers![row],
        _ => throw CairnException.InvalidParameter($"Invalid value '{column.Name}' for 'with.order_by': a time split orders by a date or numeric column, and it is {column.Schema.Type.ToString().ToLowerInvariant()}."),
    };
}
