using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn models import-onnx &lt;name&gt; &lt;file.onnx&gt;</c>: registers an ONNX graph trained elsewhere.</summary>
internal static class ModelsImportOnnxCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The registered model (created when missing)." };
        var file = new Argument<FileInfo>("file") { Description = "The .onnx file." };
        var task = new Option<string?>("--task") { Description = "binary, multiclass or regression (default: inferred from the outputs)." };
        var labels = new Option<string?>("--class-labels") { Description = "Class labels in the order of the probability output, comma-separated." };
        var description = new Option<string?>("--description") { Description = "The version's description." };
        var command = new Command("import-onnx", "Register an ONNX model as a new model version.") { name, file, task, labels, description };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"error: file '{path.Name}' does not exist.");
                return ExitCodes.Usage;
            }

            using var client = context.CreateClient(parse);
            var bytes = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
            var classLabels = parse.GetValue(labels)?.Split(',', StringSplitOptions.TrimEntries);
            var imported = await client.ImportOnnxModelAsync(parse.GetValue(name)!, bytes, parse.GetValue(task), classLabels, parse.GetValue(description), cancellationToken);
            await context.Out.WriteLineAsync(context.WantsJson(parse)
                ? imported.Json
                : $"Registered {imported.Name} version {imported.Version} (onnx, {imported.Task}) from {imported.Source}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
