using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cairn.Pipelines.Triggers;

/// <summary>Calls <see cref="TriggerService.EvaluateAsync"/> every <see cref="TriggerOptions.Interval"/> until the host stops.</summary>
public sealed partial class TriggerLoop(TriggerService triggers, TriggerOptions options, TimeProvider time, ILogger<TriggerLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Interval, time);
        do
        {
            try
            {
                await triggers.EvaluateAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping (also when the host failed to start): not an error of the loop.
                return;
            }
            catch (Exception e)
            {
                // One bad pass (a store hiccup) must not stop the loop: the next pass tries again.
                LogPassFailed(logger, e);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pipeline trigger evaluation pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
