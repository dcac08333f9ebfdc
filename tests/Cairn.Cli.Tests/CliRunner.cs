namespace Cairn.Cli.Tests;

/// <summary>The result of one in-process <c>cairn</c> invocation.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs <c>cairn</c> in-process and captures what it prints.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CairnCli.RunAsync(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs against a server and asserts success.</summary>
    public static async Task<string> RunOkAsync(Uri server, params string[] args)
    {
        var result = await RunAsync([.. args, "--server", server.ToString()]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Out;
    }
}
