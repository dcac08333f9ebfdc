using Cairn.Pipelines.Steps;
using Cairn.Pipelines.Tests.Support;

namespace Cairn.Pipelines.Tests.Tracking;

/// <summary><c>test.metric</c>: reports <c>macro_f1</c> = <c>score</c> and writes a small JSON report as output <c>report</c> and a dataset artifact as <c>data</c>.</summary>
public sealed class MetricStep(StepLedger ledger) : IStep
{
    public string Kind => "test.metric";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new([new ConfigField("score", ConfigType.Number)]);

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ledger.Increment(context.StepId);
        var score = double.Parse(context.Config["score"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        context.ReportMetric("macro_f1", score);
        context.ReportMetric("rows", 42);
        var path = Path.Combine(context.OutputDirectory, "report.json");
        await File.WriteAllTextAsync(path, $"{{\"macro_f1\": {score.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}", cancellationToken);
        context.DeclareOutput("report", path, "report");
        var data = Path.Combine(context.OutputDirectory, "data.csv");
        await File.WriteAllTextAsync(data, "a\n1\n", cancellationToken);
        context.DeclareOutput("data", data, "dataset", "{\"name\": \"scores\", \"version\": \"" + new string('a', 64) + "\", \"row_count\": 1}");
        return StepResult.Success;
    }
}
