using System.Diagnostics;
using System.Text;

namespace Cairn.Testing;

/// <summary>Runs a short-lived command to completion with a deadline and keeps its output for error messages.</summary>
internal sealed record ProcessRun(string Command, int ExitCode, string Output)
{
    public static async Task<ProcessRun> RunAsync(ProcessStartInfo info, TimeSpan timeout, CancellationToken cancellationToken)
    {
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var command = string.Join(' ', new[] { info.FileName }.Concat(info.ArgumentList));
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' did not finish within {timeout.TotalSeconds:0} s. Output:\n{Text(output)}");
        }

        return new ProcessRun(command, process.ExitCode, Text(output));
    }

    public void ThrowIfFailed(string what)
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed (exit code {ExitCode}): {Command}\n{Output}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
