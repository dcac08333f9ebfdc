using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Cairn.Pipelines.Steps;

/// <summary>
/// Runs any command (Python, R, a shell script...) with declared inputs and outputs. The working
/// directory is the attempt's output directory; inputs and outputs are passed as environment variables
/// (<c>CAIRN_INPUT_NAME</c>, <c>CAIRN_OUTPUT_NAME</c>), stdout and stderr go to the step's log, and a
/// non-zero exit code fails the step.
/// </summary>
public sealed class ExecStep : IStep
{
    public string Kind => "exec";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new(
    [
        new ConfigField("command", ConfigType.StringList, Required: true, "program and arguments, e.g. [python3, train.py]"),
        new ConfigField("inputs", ConfigType.StringMap, Description: "name → path, usually ${steps.ID.outputs.NAME}"),
        new ConfigField("outputs", ConfigType.StringMap, Description: "name → path relative to the working directory"),
        new ConfigField("env", ConfigType.StringMap, Description: "extra environment variables"),
    ]);

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var command = context.Config["command"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        if (command.Count == 0)
        {
            return StepResult.Failure("'command' is empty");
        }

        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = context.OutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        await AddEnvironmentAsync(start, context, cancellationToken);
        var outputs = Map(context.Config["outputs"]);
        foreach (var (name, path) in outputs)
        {
            var full = Path.GetFullPath(path, context.OutputDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            start.Environment["CAIRN_OUTPUT_" + EnvName(name)] = full;
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { context.Log(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { context.Log(e.Data); } };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return StepResult.Failure($"cannot start '{command[0]}': {e.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit(); // Drains the redirected streams into the log.
        if (process.ExitCode != 0)
        {
            return StepResult.Failure($"command exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var (name, path) in outputs)
        {
            context.DeclareOutput(name, path);
        }

        return StepResult.Success;
    }

    private static async Task AddEnvironmentAsync(ProcessStartInfo start, StepContext context, CancellationToken cancellationToken)
    {
        start.Environment["CAIRN_RUN_ID"] = context.RunId;
        start.Environment["CAIRN_STEP_ID"] = context.StepId;
        start.Environment["CAIRN_ATTEMPT"] = context.Attempt.ToString(CultureInfo.InvariantCulture);
        start.Environment["CAIRN_OUTPUT_DIR"] = context.OutputDirectory;
        foreach (var (name, value) in context.Params)
        {
            start.Environment["CAIRN_PARAM_" + EnvName(name)] = value;
        }

        // Every upstream output is reachable as CAIRN_INPUT_<STEP>_<SLOT>; declared inputs get their own names.
        foreach (var input in context.Inputs)
        {
            start.Environment["CAIRN_INPUT_" + EnvName(input.Step + "_" + input.Slot)] = await context.GetInputPathAsync(input, cancellationToken);
        }

        foreach (var (name, value) in Map(context.Config["inputs"]))
        {
            start.Environment["CAIRN_INPUT_" + EnvName(name)] = Path.GetFullPath(value, context.OutputDirectory);
        }

        foreach (var (name, value) in Map(context.Config["env"]))
        {
            start.Environment[name] = value;
        }
    }

    private static List<(string Name, string Value)> Map(JsonNode? node) =>
        node is JsonObject o ? o.Select(kv => (kv.Key, kv.Value!.GetValue<string>())).ToList() : [];

    private static string EnvName(string name) =>
        new(name.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
