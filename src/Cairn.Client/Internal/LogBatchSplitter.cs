using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Tracking;

namespace Cairn.Client.Internal;

/// <summary>
/// Cuts a log-batch into requests within MLflow's limits (100 params, 100 tags, 1000 metrics, 1000 entities),
/// params first, then tags, then metrics, keeping the order of each list.
/// </summary>
internal static class LogBatchSplitter
{
    public static IEnumerable<LogBatchRequest> Split(
        string runId, IReadOnlyList<MetricDto> metrics, IReadOnlyList<KeyValueDto> parameters, IReadOnlyList<KeyValueDto> tags)
    {
        int p = 0, t = 0, m = 0;
        while (p < parameters.Count || t < tags.Count || m < metrics.Count)
        {
            var paramCount = Math.Min(MlflowLimits.MaxParamsPerBatch, parameters.Count - p);
            var tagCount = Math.Min(MlflowLimits.MaxTagsPerBatch, tags.Count - t);
            var metricCount = Math.Min(
                Math.Min(MlflowLimits.MaxMetricsPerBatch, MlflowLimits.MaxEntitiesPerBatch - paramCount - tagCount),
                metrics.Count - m);
            yield return new LogBatchRequest
            {
                RunId = runId,
                Params = paramCount > 0 ? Slice(parameters, p, paramCount) : null,
                Tags = tagCount > 0 ? Slice(tags, t, tagCount) : null,
                Metrics = metricCount > 0 ? Slice(metrics, m, metricCount) : null,
            };
            p += paramCount;
            t += tagCount;
            m += metricCount;
        }
    }

    private static T[] Slice<T>(IReadOnlyList<T> list, int start, int count)
    {
        var slice = new T[count];
        for (var i = 0; i < count; i++)
        {
            slice[i] = list[start + i];
        }

        return slice;
    }
}
