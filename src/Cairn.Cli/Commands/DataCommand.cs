using System.CommandLine;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Datasets;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn data import|list|show|validate|tag</c>: versioned datasets.</summary>
internal static partial class DataCommand
{
    // Uploads smaller than this finish too fast for progress lines to help.
    private const long ProgressThreshold = 8L * 1024 * 1024;

    public static Command Create(CliContext context) =>
        new("data", "Import, inspect and validate versioned datasets.")
        {
            Import(context),
            List(context),
            Show(context),
            Validate(context),
            Tag(context),
        };

    private static Command Import(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV, Parquet, JSON-lines or JSON file." };
        var name = new Option<string>("--name", "-n") { Description = "The dataset name.", Required = true };
        var format = new Option<string?>("--format", "-f") { Description = "csv, parquet, jsonl or json (default: from the file's extension)." };
        format.AcceptOnlyFromAmong("csv", "parquet", "jsonl", "json");
        file.AcceptExistingOnly();
        var command = new Command("import", "Import a file as a dataset version (identical bytes give the same version).") { file, name, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var path = parse.GetValue(file)!;
            var progress = path.Length >= ProgressThreshold && !context.WantsJson(parse) ? new UploadProgress(context.Error, path.Length) : null;
            var result = await client.ImportDatasetFileAsync(parse.GetValue(name)!, path.FullName, parse.GetValue(format), progress, cancellationToken);
            progress?.Done();
            if (context.WantsJson(parse))
            {
                DataOutput.WriteJson(context.Out, result);
                return ExitCodes.Ok;
            }

            var v = result.Version;
            await context.Out.WriteLineAsync(result.Created
                ? $"Imported {v.Name}@{DataOutput.Short(v.Version)}: {DataOutput.Count(v.RowCount)} rows, {v.ColumnCount} columns, {DataOutput.Size(v.SizeBytes)}."
                : $"Unchanged: {v.Name}@{DataOutput.Short(v.Version)} already has these bytes ({DataOutput.Count(v.RowCount)} rows).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var name = new Argument<string?>("name") { Description = "A dataset name: list its versions instead of the datasets.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "List datasets, or the versions of one dataset (newest first).") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            if (parse.GetValue(name) is { } dataset)
            {
                var versions = await client.ListDatasetVersionsAsync(dataset, cancellationToken);
                if (context.WantsJson(parse))
                {
                    DataOutput.WriteJson(context.Out, new ListDatasetVersionsResponse(versions));
                    return ExitCodes.Ok;
                }

                var table = new Table("VERSION", "ROWS", "COLUMNS", "SIZE", "FORMAT", "CREATED", "TAGS", "SOURCE").AlignRight(1).AlignRight(2).AlignRight(3);
                foreach (var v in versions)
                {
                    table.AddRow(DataOutput.Short(v.Version), DataOutput.Count(v.RowCount), v.ColumnCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        DataOutput.Size(v.SizeBytes), v.Format, Formats.Time(v.CreatedAtMs), string.Join(", ", v.Tags), v.SourceUri);
                }

                table.Write(context.Out);
                return ExitCodes.Ok;
            }

            var all = new List<DatasetSummaryDto>();
            string? token = null;
            do
            {
                var page = await client.ListDatasetsAsync(1000, token, cancellationToken);
                all.AddRange(page.Datasets);
                token = page.NextPageToken;
            }
            while (token is not null);

            if (context.WantsJson(parse))
            {
                DataOutput.WriteJson(context.Out, new ListDatasetsResponse(all));
                return ExitCodes.Ok;
            }

            var names = new Table("NAME", "VERSIONS", "LATEST", "UPDATED", "TAGS").AlignRight(1);
            foreach (var d in all)
            {
                names.AddRow(d.Name, d.VersionCount.ToString(System.Globalization.CultureInfo.InvariantCulture), d.LatestVersion is { } l ? DataOutput.Short(l) : "",
                    Formats.Time(d.LatestCreatedAtMs), string.Join(", ", (d.Tags ?? new Dictionary<string, string>()).Select(t => $"{t.Key}→{DataOutput.Short(t.Value)[..8]}")));
            }

            names.Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Tag(CliContext context)
    {
        var reference = new Argument<string>("dataset") { Description = "name@version: the version to tag." };
        var tag = new Argument<string>("tag") { Description = "The tag, e.g. golden." };
        var delete = new Option<bool>("--delete") { Description = "Remove the tag instead (the version part is ignored)." };
        var command = new Command("tag", "Point a tag at a dataset version, so name@tag finds it (or remove it with --delete).") { reference, tag, delete };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var (name, version) = DataOutput.Reference(parse.GetValue(reference)!);
            var tagName = parse.GetValue(tag)!;
            if (parse.GetValue(delete))
            {
                await client.DeleteDatasetTagAsync(name, tagName, cancellationToken);
                await context.Out.WriteLineAsync($"Removed tag '{tagName}' from {name}.");
                return ExitCodes.Ok;
            }

            var tagged = await client.SetDatasetTagAsync(name, tagName, version, cancellationToken);
            if (context.WantsJson(parse))
            {
                DataOutput.WriteJson(context.Out, tagged);
                return ExitCodes.Ok;
            }

            await context.Out.WriteLineAsync($"{name}@{tagName} -> {DataOutput.Short(tagged.Version)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Progress of a large upload on stderr, one line per 10%.</summary>
    private sealed class UploadProgress(TextWriter error, long total) : IProgress<long>
    {
        private int _lastTenth;

        public void Report(long value)
        {
            var tenth = (int)(value * 10 / Math.Max(total, 1));
            if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                error.WriteLine($"uploading: {tenth * 10}% ({DataOutput.Size(value)} of {DataOutput.Size(total)})");
            }
        }

        public void Done() => error.WriteLine("uploaded; the server hashed and profiled it.");
    }
}
