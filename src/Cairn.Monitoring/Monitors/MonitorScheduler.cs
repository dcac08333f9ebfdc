using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cairn.Monitoring.Monitors;

/// <summary>
/// Runs the monitors whose config has an interval when they are due (last run + interval, or config
/// change + interval for the first). One pass at a time runs the due monitors one after another, so a
/// deployment's scheduled runs never overlap; a failing monitor is logged and retried at its next
/// interval, never stopping the loop. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class MonitorScheduler(
    IMonitorConfigStore configs, MonitorService monitors, TimeProvider time, ILogger<MonitorScheduler> logger) : BackgroundService
{
    /// <summary>How often due monitors are looked for (intervals are at least a second).</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>One pass: runs every due monitor and returns the deployments it ran (an overlapping call waits for the running pass).</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var ran = new List<string>();
            foreach (var config in await configs.ListScheduledAsync(cancellationToken))
            {
                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                if (config.IntervalSeconds is not { } interval || now < (config.LastRunAt ?? config.UpdatedAt) + (long)(interval * 1000))
                {
                    continue;
                }

                // Marked before running: a monitor that fails (or outlasts its interval) waits a whole interval rather than retrying in a hot loop.
                await configs.MarkRunAsync(config.Deployment, now, cancellationToken);
                ran.Add(config.Deployment);
                await RunOneAsync(config.Deployment, cancellationToken);
            }

            return ran;
        }
        finally
        {
            _pass.Release();
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping (also when the host failed to start): not an error of the loop.
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Looking for due monitors failed; retrying in {Interval}", PollInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RunOneAsync(string deployment, CancellationToken cancellationToken)
    {
        try
        {
            var reports = await monitors.RunAllAsync(new MonitorRequest(deployment), cancellationToken);
            foreach (var r in reports)
            {
                logger.LogInformation("Monitor of {Deployment} variant {Variant}: report {ReportId}, {Rows} rows, drift share {Share}",
                    deployment, r.Variant, r.Id, r.Rows, r.FeatureDrift?.Share);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (CairnException e)
        {
            logger.LogWarning("Scheduled monitor of {Deployment} failed: {Code} {Message}", deployment, e.Code, e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Scheduled monitor of {Deployment} failed", deployment);
        }
    }
}
