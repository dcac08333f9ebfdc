using Cairn.Core.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cairn.Monitoring.Rollouts;

/// <summary>
/// The rollout loop (Flagger's canary loop): every <see cref="RolloutControllerOptions.PollInterval"/> it
/// analyses each Progressing rollout whose step has lasted its interval and acts on the verdict.
/// <see cref="TickAsync"/> is one pass (tests and tools call it directly; passes never overlap).
/// </summary>
public sealed partial class RolloutController(
    RolloutService service,
    RolloutEvidenceReader evidence,
    IOptions<RolloutControllerOptions> options,
    TimeProvider time,
    ILogger<RolloutController> logger) : BackgroundService
{
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>One pass over the progressing rollouts; returns the decisions taken.</summary>
    public async Task<IReadOnlyList<RolloutDecision>> TickAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var decisions = new List<RolloutDecision>();
            foreach (var rollout in await service.Store.ListProgressingAsync(cancellationToken))
            {
                try
                {
                    if (await service.AnalyseAsync(rollout.Id, evidence, cancellationToken) is { } decision)
                    {
                        decisions.Add(decision);
                        LogDecision(rollout.Id, rollout.Deployment, decision.Action, decision.Reason);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // One rollout's trouble (a model that no longer loads, a concurrent change) must not stop the others.
                    LogFailed(e, rollout.Id, rollout.Deployment);
                }
            }

            return decisions;
        }
        finally
        {
            _pass.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // A zero or negative setting would make PeriodicTimer throw and silently stop every rollout: use the default.
        var period = options.Value.PollInterval > TimeSpan.Zero ? options.Value.PollInterval : new RolloutControllerOptions().PollInterval;
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPassFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {Id} of deployment {Deployment}: {Action}: {Reason}")]
    private partial void LogDecision(long id, string deployment, RolloutAction action, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {Id} of deployment {Deployment} could not be analysed")]
    private partial void LogFailed(Exception exception, long id, string deployment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A rollout controller pass failed")]
    private partial void LogPassFailed(Exception exception);
}
