namespace Cairn.Training.Scoring;

internal static class SpanExtensions
{
    public static void ConvertTo(this ReadOnlySpan<float> source, Span<double> target)
    {
        for (var i = 0; i < source.Length && i < target.Length; i++)
        {
            target[i] = source[i];
        }
    }
}
