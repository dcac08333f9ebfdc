using Cairn.Core.Pipelines;
using Cairn.Pipelines.Tests.Support;
using Cairn.Testing;

namespace Cairn.Pipelines.Tests.Engine;

public sealed class ResumeTests
{
    [Theory]
    [InlineData(PipelineDispatch.InProcess)]
    [InlineData(PipelineDispatch.Hangfire)]
    public async Task StoppingMidRun_ThenStartingAgain_CompletesWithoutRedoingFinishedSteps(PipelineDispatch dispatch)
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        const string yaml = """
            name: resumable
            steps:
              first:  { uses: test.count, with: { value: 1 } }
              second: { uses: test.count, needs: [first], with: { value: 2 } }
              slow:   { uses: test.block, needs: [second] }
              last:   { uses: test.count, needs: [slow], with: { value: 3 } }
            """;
        string runId;
        await using (var host = await EngineHost.StartAsync(home.Path, ledger, dispatch))
        {
            runId = (await host.SubmitAsync(yaml)).RunId;
            await EngineHost.UntilAsync(() => ledger.Started.ContainsKey("slow"), "the blocking step to start");
            // Disposing the host here is the process dying mid-step.
        }

        Assert.Equal(1, ledger.Count("first"));
        Assert.Equal(1, ledger.Count("second"));
        ledger.Gate.SetResult();

        await using (var host = await EngineHost.StartAsync(home.Path, ledger, dispatch))
        {
            var run = await host.WaitAsync(runId);
            Assert.Equal(PipelineRunStatus.Complete, run.Run.Status);
            Assert.Equal(1, ledger.Count("first"));
            Assert.Equal(1, ledger.Count("second"));
            Assert.Equal(1, ledger.Count("slow"));
            Assert.Equal(1, ledger.Count("last"));
            var slow = run.Executions.Where(e => e.StepId == "slow").OrderBy(e => e.Attempt).ToList();
            Assert.Equal([ExecutionState.Canceled, ExecutionState.Complete], slow.Select(e => e.State));
            Assert.StartsWith("abandoned", slow[0].Error);
            Assert.Single(run.Executions, e => e.StepId == "first");
        }
    }
}
