using System.Collections.Concurrent;
using Cairn.Pipelines.Steps;

namespace Cairn.Pipelines.Tests.Support;

/// <summary>Counts real executions of test steps; one instance is shared by every host of a test (it survives a "restart").</summary>
public sealed class StepLedger
{
    private readonly ConcurrentDictionary<string, int> _runs = new();

    /// <summary>Released to let <c>test.block</c> steps finish.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<string, int> Started { get; } = new();

    public int Increment(string stepId) => _runs.AddOrUpdate(stepId, 1, (_, n) => n + 1);

    public int Count(string stepId) => _runs.GetValueOrDefault(stepId);

    public int Total => _runs.Values.Sum();

    /// <summary>State outside the pipeline that <c>test.external</c> reads.</summary>
    public string World { get; set; } = "v1";
}

/// <summary><c>test.count</c>: records that it ran and writes its config and input hashes to an output file.</summary>
public sealed class CountStep(StepLedger ledger) : IStep
{
    public string Kind => "test.count";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new([new ConfigField("value", ConfigType.Any)], AllowUnknownKeys: true);

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ledger.Increment(context.StepId);
        context.Log($"running {context.StepId} with {context.Config.ToJsonString()}");
        var path = Path.Combine(context.OutputDirectory, "out.txt");
        var inputs = string.Join(",", context.Inputs.Select(i => i.Artifact.ContentHash));
        await File.WriteAllTextAsync(path, context.Config.ToJsonString() + "|" + inputs, cancellationToken);
        context.DeclareOutput("out", path);
        return StepResult.Success;
    }
}

/// <summary><c>test.fail</c>: fails its first <c>failures</c> executions (all of them when absent), then succeeds.</summary>
public sealed class FailStep(StepLedger ledger) : IStep
{
    public string Kind => "test.fail";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new([new ConfigField("failures", ConfigType.Integer), new ConfigField("message", ConfigType.String)]);

    public Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var n = ledger.Increment(context.StepId);
        var failures = context.Config["failures"]?.GetValue<long>() ?? long.MaxValue;
        context.Log($"attempt {context.Attempt}");
        return Task.FromResult(n <= failures
            ? StepResult.Failure(context.Config["message"]?.GetValue<string>() ?? "boom")
            : StepResult.Success);
    }
}

/// <summary><c>test.block</c>: waits until the ledger's gate opens or it is cancelled (timeouts, run cancel, shutdown).</summary>
public sealed class BlockStep(StepLedger ledger) : IStep
{
    public string Kind => "test.block";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new([], AllowUnknownKeys: true);

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ledger.Started.AddOrUpdate(context.StepId, 1, (_, n) => n + 1);
        await ledger.Gate.Task.WaitAsync(cancellationToken);
        ledger.Increment(context.StepId);
        return StepResult.Success;
    }
}
