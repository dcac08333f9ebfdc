namespace Cairn.Cli.Commands.Demo;

internal sealed partial class DemoRunner
{
    private async Task<bool> Missing(string phase, string what)
    {
        await timeline.AddAsync(phase, "missing", $"Not available in this build: {what}. The story stops here.");
        return false;
    }

    private Task<bool> CheckHoldOutAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    private Task<bool> ApplyRetrainPipelineAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    private async Task<string?> DetectDriftAndRetrainAsync(CancellationToken cancellationToken)
    {
        await Missing("monitor", "the monitor (MonitorService)");
        return null;
    }

    private Task<bool> FollowRetrainingAsync(string runId, CancellationToken cancellationToken) => Missing("rollout", "rollouts");

    private Task<bool> WorseCandidateAsync(CancellationToken cancellationToken) => Missing("worse", "rollouts");
}
