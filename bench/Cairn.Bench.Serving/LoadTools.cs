using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cairn.Bench.Serving;

/// <summary>What a load run measured: throughput, client-side percentiles (ms) and failed requests.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Failures, long Requests);

/// <summary>
/// Drives the server with Debian's load tools: <c>wrk</c> (closed loop, as fast as the server answers — the
/// saturation throughput) and <c>hey</c> with <c>-q</c> (a fixed rate per worker — latency at a given load).
/// </summary>
internal static partial class LoadTools
{
    public static bool Available(string tool) =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    /// <summary>Saturation with wrk: a Lua script POSTs the body; <c>--latency</c> prints the percentiles.</summary>
    public static async Task<LoadResult> WrkAsync(Uri url, string body, string directory, int threads, int connections, TimeSpan duration)
    {
        var script = Path.Combine(directory, "post.lua");
        await File.WriteAllTextAsync(script, $"""
            wrk.method = "POST"
            wrk.body = '{body}'
            wrk.headers["Content-Type"] = "application/json"
            """);
        var output = await RunAsync("wrk", $"-t{threads} -c{connections} -d{(int)duration.TotalSeconds}s --latency -s \"{script}\" {url}");
        var rate = Number(WrkRate().Match(output));
        var requests = (long)Number(WrkRequests().Match(output));
        var failures = WrkNon2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        failures += WrkErrors().Matches(output).Sum(e => long.Parse(e.Groups[2].Value, CultureInfo.InvariantCulture));
        return new LoadResult(rate, WrkPercentile(output, "50%"), WrkPercentile(output, "99%"), failures, requests);
    }

    /// <summary>A fixed total rate with hey: <paramref name="workers"/> connections, each limited to rate/workers requests per second.</summary>
    public static async Task<LoadResult> HeyAsync(Uri url, string body, string directory, double rate, int workers, TimeSpan duration)
    {
        var file = Path.Combine(directory, "body.json");
        await File.WriteAllTextAsync(file, body);
        var perWorker = Math.Max(1, rate / workers);
        var output = await RunAsync("hey", string.Create(CultureInfo.InvariantCulture,
            $"-z {(int)duration.TotalSeconds}s -c {workers} -q {perWorker:F0} -m POST -T application/json -D \"{file}\" {url}"));
        var ok = HeyStatus().Matches(output).Where(s => s.Groups[1].Value == "200").Sum(s => long.Parse(s.Groups[2].Value, CultureInfo.InvariantCulture));
        var all = HeyStatus().Matches(output).Sum(s => long.Parse(s.Groups[2].Value, CultureInfo.InvariantCulture));
        var errors = HeyErrors().Matches(output).Sum(e => long.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture));
        return new LoadResult(Number(HeyRate().Match(output)), HeyPercentile(output, "50%") * 1000, HeyPercentile(output, "99%") * 1000, all - ok + errors, all);
    }

    private static async Task<string> RunAsync(string tool, string arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        Console.Error.WriteLine($"$ {tool} {arguments}\n{text}");
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {text}");
    }

    private static double Number(Match match) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;

    /// <summary>wrk prints "50%  812.00us" / "1.23ms" / "1.01s".</summary>
    private static double WrkPercentile(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    private static double HeyPercentile(string output, string percentile)
    {
        var match = Regex.Match(output, $@"{Regex.Escape(percentile)} in ([\d.]+) secs");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex WrkRate();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex WrkRequests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex WrkNon2xx();

    [GeneratedRegex(@"(connect|read|write|timeout) (\d+)")]
    private static partial Regex WrkErrors();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex HeyRate();

    [GeneratedRegex(@"\[(\d+)\]\s+(\d+) responses")]
    private static partial Regex HeyStatus();

    [GeneratedRegex(@"\[(\d+)\]\s+Post")]
    private static partial Regex HeyErrors();
}
