using System.Diagnostics;
using System.Globalization;

namespace Cairn.Cli.Commands;

/// <summary>
/// Progress of <c>cairn score</c> on stderr: a redrawn bar (share of input bytes read, rows, rows/s) when
/// stderr is a terminal, otherwise a plain line every few seconds so logs stay readable.
/// </summary>
internal sealed class ScoreProgress(TextWriter error, bool interactive, Func<double> fraction) : IProgress<long>
{
    private const int BarWidth = 30;
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan? _last;

    /// <summary>Whether stderr is the console itself and not redirected (a bar would garble a log file).</summary>
    public static bool IsTerminal(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    public void Report(long value)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (_last is { } last && now - last < (interactive ? Redraw : PlainEvery))
            {
                return;
            }

            _last = now;
            Write(value, now, done: false);
        }
    }

    /// <summary>The final state, always written, ending the bar's line.</summary>
    public void Finish(long rows)
    {
        lock (_gate)
        {
            Write(rows, _clock.Elapsed, done: true);
        }
    }

    private void Write(long rows, TimeSpan elapsed, bool done)
    {
        var rate = elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;
        var share = done ? 1 : Math.Clamp(fraction(), 0, 1);
        var stats = string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows  {rate:N0} rows/s  {elapsed.TotalSeconds:F1} s");
        if (interactive)
        {
            var filled = (int)Math.Round(share * BarWidth);
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('-', BarWidth - filled)}] {share,4:P0}  {stats}   "));
            if (done)
            {
                error.WriteLine();
            }
        }
        else
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scored {stats} ({share:P0} of the input){(done ? ", done" : "")}"));
        }
    }
}
