using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Data.Formats;
using Cairn.Data.Reading;
using Cairn.Data.Tables;
using Cairn.Data.Writing;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary><c>data.split</c>: splits the input dataset into <c>train</c> and <c>test</c> datasets (same format as the input).</summary>
public sealed class DataSplitStep : IStep
{
    public string Kind => "data.split";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new(
    [
        new ConfigField("data", ConfigType.String, Description: "the dataset to split (default: the one dataset input)"),
        new ConfigField("strategy", ConfigType.String, Description: "random (default), stratified or time"),
        new ConfigField("test_fraction", ConfigType.Number, Description: "share of rows held out (default 0.2)"),
        new ConfigField("label", ConfigType.String, Description: "the label column (stratified)"),
        new ConfigField("order_by", ConfigType.String, Description: "the date column (time)"),
        new ConfigField("train_until", ConfigType.String, Description: "time: training rows are before this date"),
        new ConfigField("test_from", ConfigType.String, Description: "time: test rows are from this date (default train_until)"),
        new ConfigField("seed", ConfigType.Integer, Description: "shuffle seed (default 42)"),
    ]);

    public Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken) => MlStepRunner.GuardAsync(async () =>
    {
        var (input, path) = (await MlArtifacts.FindAsync(context, "data", MlArtifacts.DatasetType, required: true, cancellationToken))!.Value;
        var format = DataFormats.Resolve(null, path);
        var table = await TableReader.ReadFileAsync(path, format, null, cancellationToken);
        var options = Options(context.Config);
        var (train, test) = DataSplitter.Split(table, options);
        if (train.Length == 0 || test.Length == 0)
        {
            return StepResult.Failure($"the {options.Strategy} split left {(train.Length == 0 ? "no training" : "no test")} rows ({table.RowCount.ToString(CultureInfo.InvariantCulture)} rows in)");
        }

        context.Log($"{options.Strategy} split: {train.Length} train rows, {test.Length} test rows");
        context.ReportMetric("train_rows", train.Length);
        context.ReportMetric("test_rows", test.Length);
        var versions = MlArtifacts.DatasetVersions(input).ToList();
        await WriteAsync(context, "train", table.SelectRows(train), format, versions, cancellationToken);
        await WriteAsync(context, "test", table.SelectRows(test), format, versions, cancellationToken);
        return StepResult.Success;
    });

    internal static SplitOptions Options(JsonObject config) => new()
    {
        Strategy = MlConfig.String(config, "strategy") ?? "random",
        TestFraction = MlConfig.Number(config, "test_fraction") ?? 0.2,
        Label = MlConfig.String(config, "label"),
        OrderBy = MlConfig.String(config, "order_by"),
        Seed = (int)(MlConfig.Number(config, "seed") ?? 42),
        TrainUntil = Date(config, "train_until"),
        TestFrom = Date(config, "test_from"),
    };

    private static DateTime? Date(JsonObject config, string key) =>
        MlConfig.String(config, key) is { Length: > 0 } text
            ? DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : throw MlConfig.Invalid(key, $"must be a date (yyyy-mm-dd), not '{text}'")
            : null;

    private static async Task WriteAsync(StepContext context, string slot, DataTable table, DataFormat format, List<string> versions, CancellationToken cancellationToken)
    {
        // A JSON array input is written as JSON lines (the writers do not produce one big array).
        format = format == DataFormat.Json ? DataFormat.JsonLines : format;
        var path = Path.Combine(context.OutputDirectory, $"{slot}.{DataFormats.Extension(format)}");
        await TableWriter.WriteFileAsync(table, path, format, cancellationToken);
        context.DeclareOutput(slot, path, MlArtifacts.DatasetType, new JsonObject
        {
            ["row_count"] = table.RowCount,
            [MlArtifacts.DatasetVersionsKey] = MlArtifacts.ToArray(versions),
        }.ToJsonString());
    }
}
