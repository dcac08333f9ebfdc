using Cairn.Core.Errors;

namespace Cairn.Pipelines.Tracking;

/// <summary>
/// Runs a tracking update so that it cannot stop the pipeline: the run's state lives in the pipeline store,
/// and a rejected metric name or a full disk on the tracking side must not leave a step unrecorded.
/// </summary>
internal static class TrackingGuard
{
    public static async Task<T?> TryAsync<T>(Func<Task<T>> update)
    {
        try
        {
            return await update();
        }
        catch (Exception e) when (e is CairnException or IOException or UnauthorizedAccessException)
        {
            return default;
        }
    }

    public static Task TryAsync(Func<Task> update) => TryAsync(async () =>
    {
        await update();
        return true;
    });
}
