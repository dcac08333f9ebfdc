using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cairn.Cli.Output;
using Cairn.Client;
using Cairn.Client.Predictions;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn predict</c>: a few records through a deployment's records endpoint, answered by the server.</summary>
internal static class PredictCommand
{
    /// <summary>More than this is a batch: <c>cairn score</c> scores it locally, streaming.</summary>
    public const int MaxRecords = 1000;

    public static Command Create(CliContext context)
    {
        var deployment = new Option<string>("--deployment", "-d") { Description = "The deployment that answers.", Required = true };
        var record = new Option<string?>("--record") { Description = "One record as JSON, e.g. '{\"temp_max\": 12.2, \"wind\": 4.7}' (or an array of records).", HelpName = "json" };
        var input = new Option<FileInfo?>("--input") { Description = "Records from a .json file (an object or an array of objects) or a .jsonl file (one object per line).", HelpName = "file" };
        var csv = new Option<FileInfo?>("--csv") { Description = "Records from a CSV file with a header row.", HelpName = "file" };
        var topK = new Option<int?>("--top-k") { Description = "Also show the k most probable classes of each record." };
        var minConfidence = new Option<double?>("--min-confidence") { Description = "Abstain when the best class's probability is below this (0..1)." };
        var requestId = new Option<string?>("--request-id") { Description = "The request id to send (X-Request-Id); feedback joins on it." };
        topK.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--top-k must be at least 1.");
            }
        });
        minConfidence.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } c && (c < 0 || c > 1 || double.IsNaN(c)))
            {
                r.AddError("--min-confidence must be between 0 and 1.");
            }
        });

        var command = new Command("predict", "Predict with a deployment: send records to the server and print label, score and probabilities.")
        {
            deployment, record, input, csv, topK, minConfidence, requestId,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var records = await PredictInput.ReadAsync(parse.GetValue(record), parse.GetValue(input), parse.GetValue(csv), cancellationToken);
            var count = records.ValueKind == JsonValueKind.Array ? records.GetArrayLength() : 1;
            if (count == 0)
            {
                throw new CliUsageException("There are no records to predict.");
            }

            if (count > MaxRecords)
            {
                throw new CliUsageException($"{count} records are more than cairn predict sends ({MaxRecords}); use `cairn score` for batches.");
            }

            using var client = context.CreateClient(parse);
            if (parse.GetValue(input) is not null || parse.GetValue(csv) is not null)
            {
                // Files often carry more than the model takes (the label, ids): keep the inputs and the sticky-key field.
                records = await KeepModelFieldsAsync(context, client, parse.GetValue(deployment)!, records, cancellationToken);
            }

            var options = new PredictOptions { TopK = parse.GetValue(topK), MinConfidence = parse.GetValue(minConfidence), RequestId = parse.GetValue(requestId) };
            var response = await client.PredictAsync(parse.GetValue(deployment)!, records, options, cancellationToken);
            if (context.WantsJson(parse))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(response, PredictJsonContext.Default.PredictResponse));
                return ExitCodes.Ok;
            }

            Print(context.Out, response, parse.GetValue(topK) is not null);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<JsonElement> KeepModelFieldsAsync(CliContext context, CairnClient client, string deployment, JsonElement records, CancellationToken cancellationToken)
    {
        var keep = new HashSet<string>(await client.GetDeploymentInputNamesAsync(deployment, cancellationToken), StringComparer.Ordinal);
        if ((await client.GetDeploymentAsync(deployment, cancellationToken)).StickyKey is { } sticky && sticky.StartsWith("field:", StringComparison.Ordinal))
        {
            keep.Add(sticky["field:".Length..]);
        }

        var (kept, dropped) = PredictInput.KeepOnly(records, keep);
        if (dropped.Count > 0)
        {
            await context.Error.WriteLineAsync($"note: not sending {string.Join(", ", dropped)} (not inputs of the model)");
        }

        return kept;
    }

    private static void Print(TextWriter output, PredictResponse response, bool showTopK)
    {
        var table = new Table(showTopK ? ["#", "LABEL", "SCORE", "TOP-K"] : ["#", "LABEL", "SCORE", "PROBABILITIES"]).AlignRight(0).AlignRight(2);
        for (var i = 0; i < response.Predictions.Count; i++)
        {
            var p = response.Predictions[i];
            var label = p.Abstained ? "(abstained)" : p.Label ?? "";
            var detail = showTopK
                ? string.Join(", ", (p.TopK ?? []).Select(t => $"{t.Label} {Number(t.Probability)}"))
                : string.Join(", ", (p.Probabilities ?? new Dictionary<string, double>()).OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {Number(kv.Value)}"));
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), label, p.Score is { } s ? Number(s) : "", detail);
        }

        table.Write(output);
        output.WriteLine($"request id {response.RequestId}, variant {response.Variant}{(response.Model is null ? "" : $" ({response.Model} v{response.Version})")}");
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
