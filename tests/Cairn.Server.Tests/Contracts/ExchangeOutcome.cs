using System.Text;

namespace Cairn.Server.Tests.Contracts;

/// <summary>What happened when one recorded exchange was replayed: what we sent, what came back, and every mismatch.</summary>
public sealed record ExchangeOutcome(
    string File,
    RecordedExchange Recorded,
    string SentPathAndQuery,
    string SentBody,
    int Status,
    string ResponseBody,
    IReadOnlyList<string> Mismatches)
{
    public bool Matches => Mismatches.Count == 0;

    /// <summary>A readable report for an assertion message.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"{File} #{Recorded.Index}: {Recorded.Method} {Recorded.PathAndQuery}");
        text.AppendLine($"  sent:     {Recorded.Method} {SentPathAndQuery} {Clip(SentBody, 300)}");
        text.AppendLine($"  expected: {Recorded.Status} {Clip(Recorded.ResponseBody, 300)}");
        text.AppendLine($"  got:      {Status} {Clip(ResponseBody, 600)}");
        if (Mismatches.Count > 0)
        {
            text.AppendLine("  mismatches:");
            foreach (var mismatch in Mismatches)
            {
                text.AppendLine("    - " + mismatch);
            }
        }

        return text.ToString();
    }

    private static string Clip(string text, int max)
    {
        var flat = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return flat.Length > max ? flat[..max] + $"… ({text.Length} chars)" : flat;
    }
}
