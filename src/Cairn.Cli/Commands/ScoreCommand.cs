using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cairn.Client;
using Cairn.Client.Predictions;
using Cairn.Core.Errors;
using Cairn.Data.Formats;
using Cairn.Serving.Batch;
using Cairn.Training.Bundles;

namespace Cairn.Cli.Commands;

/// <summary>
/// <c>cairn score</c>: batch scoring. Resolves the deployment to a model version on the server, downloads
/// its bundle once, and scores the file locally in chunks, streaming from the input to a Parquet output
/// (the server is not on the data path, so a million rows cost no million requests).
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(CliContext context)
    {
        var deployment = new Option<string>("--deployment", "-d") { Description = "The deployment whose model scores the data.", Required = true };
        var input = new Option<FileInfo>("--input", "-i") { Description = "The data: .csv, .parquet, .jsonl or .json.", HelpName = "file", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where the scored rows go (Parquet): the input columns plus label, score and probability_<class>.", HelpName = "file", Required = true };
        var variant = new Option<string?>("--variant") { Description = "Score with this variant's model version (default: the live variant with the most traffic)." };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = $"Rows per chunk (one Parquet row group each; default {BatchScoringOptions.DefaultBatchSize:N0}).",
            DefaultValueFactory = _ => BatchScoringOptions.DefaultBatchSize,
        };
        batchSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000_000)
            {
                r.AddError("--batch-size must be between 1 and 10,000,000.");
            }
        });

        var command = new Command("score", "Batch-score a file with a deployment's model, locally and streaming, into Parquet, with progress on stderr.")
        {
            deployment, input, output, variant, batchSize,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            var format = InputFormat(source);
            var name = parse.GetValue(deployment)!;
            using var client = context.CreateClient(parse);
            var chosen = Choose(await client.GetServingVariantsAsync(name, cancellationToken), name, parse.GetValue(variant));
            using var scorerBundle = await LoadAsync(client, chosen, cancellationToken);

            var partial = target.FullName + ".part";
            Directory.CreateDirectory(Path.GetDirectoryName(target.FullName)!);
            BatchScoringResult result;
            try
            {
                await using (var reader = new FileStream(source.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
                await using (var writer = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                {
                    var progress = new ScoreProgress(context.Error, ScoreProgress.IsTerminal(context.Error), () => reader.Length == 0 ? 1 : (double)reader.Position / reader.Length);
                    result = await new BatchScorer(scorerBundle.Scorer, scorerBundle.Manifest).ScoreAsync(
                        reader, format, writer, new BatchScoringOptions { BatchSize = parse.GetValue(batchSize) }, progress, cancellationToken);
                    progress.Finish(result.Rows);
                }

                // Only a complete file takes the output's name.
                File.Move(partial, target.FullName, overwrite: true);
            }
            catch (CairnException e)
            {
                File.Delete(partial);
                await context.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.ApiError;
            }
            catch
            {
                File.Delete(partial);
                throw;
            }

            var summary = new ScoreSummary(name, chosen.Name, chosen.Model, chosen.Version, source.FullName, target.FullName,
                result.Rows, result.Elapsed.TotalSeconds, result.RowsPerSecond, result.OutputColumns);
            if (context.WantsJson(parse))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(summary, PredictJsonContext.Default.ScoreSummary));
            }
            else
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Scored {result.Rows:N0} rows with {chosen.Model} v{chosen.Version} (variant {chosen.Name}) in {result.Elapsed.TotalSeconds:F2} s ({result.RowsPerSecond:N0} rows/s) -> {target.FullName}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static DataFormat InputFormat(FileInfo source)
    {
        if (!source.Exists)
        {
            throw new CliUsageException($"--input: the file '{source.FullName}' does not exist.");
        }

        return DataFormats.FromFileName(source.Name)
            ?? throw new CliUsageException($"--input: cannot tell the format of '{source.Name}'; use a .csv, .parquet, .jsonl or .json file.");
    }

    /// <summary>The named variant, or the live one with the most weight (the first on a tie, as the deployment lists them).</summary>
    internal static ServingVariant Choose(IReadOnlyList<ServingVariant> variants, string deployment, string? name)
    {
        if (name is not null)
        {
            return variants.FirstOrDefault(v => v.Name == name)
                ?? throw new CliUsageException($"--variant: deployment '{deployment}' has no variant '{name}' (it has: {string.Join(", ", variants.Select(v => v.Name))}).");
        }

        return variants.Where(v => v.IsLive).OrderByDescending(v => v.Weight).FirstOrDefault()
            ?? throw new CliUsageException($"Deployment '{deployment}' has no live variant; name one with --variant.");
    }

    private static async Task<LoadedBundle> LoadAsync(CairnClient client, ServingVariant variant, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await client.DownloadModelBundleAsync(variant.Model, variant.Version, buffer, cancellationToken);
        buffer.Position = 0;
        var bundle = await ModelBundle.LoadAsync(buffer, cancellationToken);
        return new LoadedBundle(bundle.Manifest, bundle.CreateScorer());
    }

    private sealed record LoadedBundle(BundleManifest Manifest, Cairn.Training.Scoring.IModelScorer Scorer) : IDisposable
    {
        public void Dispose() => Scorer.Dispose();
    }
}
