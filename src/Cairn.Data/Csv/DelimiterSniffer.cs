namespace Cairn.Data.Csv;

/// <summary>Picks the delimiter of a CSV file from its header line: the most frequent of , ; tab | outside quotes (comma on a tie).</summary>
internal static class DelimiterSniffer
{
    private static readonly byte[] Candidates = [(byte)',', (byte)';', (byte)'\t', (byte)'|'];

    public static byte Sniff(ReadOnlySpan<byte> headerLine)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var inQuotes = false;
        foreach (var b in headerLine)
        {
            if (b == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                var index = Array.IndexOf(Candidates, b);
                if (index >= 0)
                {
                    counts[index]++;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return Candidates[best];
    }
}
