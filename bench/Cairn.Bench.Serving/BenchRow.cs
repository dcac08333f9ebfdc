using System.Text;

namespace Cairn.Bench.Serving;

/// <summary>One line of the result table: what was measured, the figure, and the target or reference beside it.</summary>
internal sealed record BenchRow(string Benchmark, string Result, string Target)
{
    public static string Markdown(IEnumerable<BenchRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| benchmark | result | target / reference |");
        text.AppendLine("|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine($"| {row.Benchmark} | {row.Result} | {row.Target} |");
        }

        return text.ToString();
    }
}
