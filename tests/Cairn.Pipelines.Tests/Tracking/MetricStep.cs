using Cairn.Pipelines.Steps;
using Cairn.Pipelines.Tests.Support;

namespace Cairn.Pipelines.Tests.Tracking;

/// <summary><c>test.metric</c>: reports <c>macro_f1</c> = <c>score</c> and writes a small JSON report as output <c>report</c>.</summary>
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
        return StepResult.Success;
    }
}
