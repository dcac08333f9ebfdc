namespace Cairn.Client;

/// <summary>The per-request limits of MLflow's <c>runs/log-batch</c>; the client splits larger batches itself.</summary>
public static class MlflowLimits
{
    /// <summary>Most metrics in one <c>log-batch</c> request.</summary>
    public const int MaxMetricsPerBatch = 1000;

    /// <summary>Most params in one <c>log-batch</c> request.</summary>
    public const int MaxParamsPerBatch = 100;

    /// <summary>Most tags in one <c>log-batch</c> request.</summary>
    public const int MaxTagsPerBatch = 100;

    /// <summary>Most metrics, params and tags together in one <c>log-batch</c> request.</summary>
    public const int MaxEntitiesPerBatch = 1000;
}
