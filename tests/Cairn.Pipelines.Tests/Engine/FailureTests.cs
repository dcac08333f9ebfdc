using Cairn.Core.Pipelines;
using Cairn.Pipelines.Tests.Support;
using Cairn.Testing;

namespace Cairn.Pipelines.Tests.Engine;

public sealed class FailureTests
{
    [Fact]
    public async Task FailingStep_IsRetried_ThenSucceeds_WithEachAttemptRecorded()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        await using var host = await EngineHost.StartAsync(home.Path, ledger);
        var run = await host.WaitAsync((await host.SubmitAsync("""
            name: flaky
            steps:
              flaky: { uses: test.fail, retries: 2, with: { failures: 2, message: transient } }
              after: { uses: test.count, needs: [flaky] }
            """)).RunId);
        Assert.Equal(PipelineRunStatus.Complete, run.Run.Status);
        var attempts = run.Executions.Where(e => e.StepId == "flaky").OrderBy(e => e.Attempt).ToList();
        Assert.Equal([ExecutionState.Failed, ExecutionState.Failed, ExecutionState.Complete], attempts.Select(a => a.State));
        Assert.StartsWith("transient", attempts[0].Error);
        Assert.Contains("attempt 1", attempts[0].Log);
        Assert.Equal(1, ledger.Count("after"));
    }

    [Fact]
    public async Task FailingStep_StopsDownstream_WithTheReasonRecorded()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        await using var host = await EngineHost.StartAsync(home.Path, ledger);
        var run = await host.WaitAsync((await host.SubmitAsync("""
            name: broken
            steps:
              gate: { uses: test.fail, retries: 1, with: { message: "gate: macro_f1 0.41 < 0.5" } }
              register: { uses: test.count, needs: [gate] }
            """)).RunId);
        Assert.Equal(PipelineRunStatus.Failed, run.Run.Status);
        Assert.StartsWith("step 'gate' failed: gate: macro_f1 0.41 < 0.5", run.Run.Error);
        Assert.Equal(2, run.Executions.Count(e => e.StepId == "gate" && e.State == ExecutionState.Failed));
        var register = run.Latest("register");
        Assert.Equal(ExecutionState.Canceled, register.State);
        Assert.Equal("not run: step 'gate' failed", register.Error);
        Assert.Equal(0, ledger.Count("register"));
    }

    [Fact]
    public async Task Timeout_FailsTheAttempt()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        await using var host = await EngineHost.StartAsync(home.Path, ledger);
        var run = await host.WaitAsync((await host.SubmitAsync("""
            name: slow
            steps:
              slow: { uses: test.block, timeout: 200ms }
            """)).RunId);
        Assert.Equal(PipelineRunStatus.Failed, run.Run.Status);
        Assert.Equal("timed out after 00:00:00.2000000", run.Latest("slow").Error);
    }

    [Fact]
    public async Task Cancel_StopsRunningSteps_AndDoesNotStartOthers()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        await using var host = await EngineHost.StartAsync(home.Path, ledger);
        var submitted = await host.SubmitAsync("""
            name: cancel-me
            steps:
              wait: { uses: test.block }
              next: { uses: test.count, needs: [wait] }
            """);
        await EngineHost.UntilAsync(() => ledger.Started.ContainsKey("wait"), "the blocking step to start");
        var canceled = await host.Service.CancelAsync(submitted.RunId, CancellationToken.None);
        Assert.Equal(PipelineRunStatus.Canceled, canceled.Run.Status);
        Assert.Equal("not run: the run was canceled", canceled.Latest("next").Error);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await host.Service.GetRunAsync(submitted.RunId, CancellationToken.None)).Latest("wait").State == ExecutionState.Running)
        {
            Assert.True(DateTime.UtcNow < deadline, "the running step was not cancelled");
            await Task.Delay(10);
        }

        var final = await host.Service.GetRunAsync(submitted.RunId, CancellationToken.None);
        Assert.Equal(ExecutionState.Canceled, final.Latest("wait").State);
        Assert.Equal(0, ledger.Count("next"));
    }

    [Fact]
    public async Task InvalidSpec_RecordsNothing()
    {
        using var home = new TempDirectory("cairn-pl");
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        var error = await Assert.ThrowsAsync<Cairn.Core.Errors.CairnException>(() => host.SubmitAsync("""
            name: bad
            steps:
              a: { uses: nope }
              b: { uses: noop, needs: [a, missing] }
            """));
        Assert.Contains("pipeline.yaml:3:14: step 'a': unknown step kind 'nope'", error.Message);
        Assert.Contains("pipeline.yaml:4:31: step 'b': needs unknown step 'missing'", error.Message);
        Assert.Empty(await host.Store.ListPipelinesAsync(CancellationToken.None));
    }
}
