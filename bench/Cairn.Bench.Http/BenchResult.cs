using System.Globalization;
using System.Text;

namespace Cairn.Bench.Http;

/// <summary>One measured figure beside its same-run baseline.</summary>
internal sealed record BenchResult(string Backend, string Name, double Value, string Unit, string Target, string Baseline, double BaselineValue, string Ratio)
{
    public static string MarkdownTable(IEnumerable<BenchResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| store | benchmark | result | target | same-run baseline | baseline | ratio |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Backend} | {r.Name} | {r.Value:N1} {r.Unit} | {r.Target} | {r.Baseline} | {r.BaselineValue:N1} | {r.Ratio} |");
        }

        return sb.ToString();
    }
}
