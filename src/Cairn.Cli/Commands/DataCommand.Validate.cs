using System.CommandLine;
using System.Text.Json;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Datasets;

namespace Cairn.Cli.Commands;

internal static partial class DataCommand
{
    private static Command Validate(CliContext context)
    {
        var reference = new Argument<string>("dataset") { Description = "name@version (or name@tag, or name for the latest) to validate." };
        var schema = new Option<FileInfo>("--schema") { Description = "A JSON schema file: {\"columns\":[{\"name\",\"type\",\"nullable\",\"categories\",\"min\",\"max\",\"max_missing_rate\"}], \"min_rows\", \"max_rows\", \"key\"} (a version's schema from `cairn data show --json` works too)." };
        var against = new Option<string?>("--reference") { Description = "A reference version (name@version) whose schema and profile the data must match." };
        schema.AcceptExistingOnly();
        var command = new Command("validate", "Validate a dataset version; lists every failure and exits 1 when there are errors.") { reference, schema, against };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(schema) is null) == (result.GetValue(against) is null))
            {
                result.AddError("Give exactly one of --schema and --reference.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var (name, version) = DataOutput.Reference(parse.GetValue(reference)!);
            var report = parse.GetValue(schema) is { } file
                ? await client.ValidateDatasetAsync(name, version, await ReadSchemaAsync(file, cancellationToken), cancellationToken)
                : await client.ValidateDatasetAgainstAsync(name, version, parse.GetValue(against)!, cancellationToken);
            if (context.WantsJson(parse))
            {
                DataOutput.WriteJson(context.Out, report);
            }
            else
            {
                WriteReport(context.Out, report);
            }

            return report.Passed ? ExitCodes.Ok : ExitCodes.ApiError;
        });
        return command;
    }

    /// <summary>A validation schema, or a dataset version's JSON (its "schema" is used).</summary>
    private static async Task<ValidationSchemaDto> ReadSchemaAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("columns", out _) && root.TryGetProperty("schema", out var inner))
            {
                root = inner;
            }

            var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ValidationSchemaDto>)DatasetsJsonContext.Default.GetTypeInfo(typeof(ValidationSchemaDto))!;
            var parsed = root.Deserialize(info);
            return parsed?.Columns is not null ? parsed : throw new CliUsageException($"{file.Name}: a schema needs a \"columns\" list.");
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"{file.Name} is not a valid schema: {e.Message}");
        }
    }

    private static void WriteReport(TextWriter output, ValidationReportDto report)
    {
        output.WriteLine(report.Passed
            ? $"PASSED against {report.Against}: {DataOutput.Count(report.RowCount)} rows, {report.Warnings} warning(s)."
            : $"FAILED against {report.Against}: {report.Errors} error(s), {report.Warnings} warning(s) in {DataOutput.Count(report.RowCount)} rows.");
        if (report.Failures.Count == 0)
        {
            return;
        }

        output.WriteLine();
        var table = new Table("SEVERITY", "RULE", "COLUMN", "COUNT", "EXAMPLES", "MESSAGE") { MaxCellWidth = 50 }.AlignRight(3);
        foreach (var f in report.Failures)
        {
            var examples = string.Join("; ", f.Examples.Take(3).Select(e => $"row {e.Row}: {e.Value ?? "(empty)"}"));
            table.AddRow(f.Severity.ToUpperInvariant(), f.Rule, f.Column, f.Count > 0 ? DataOutput.Count(f.Count) : "", examples, f.Message);
        }

        table.Write(output);
    }
}
