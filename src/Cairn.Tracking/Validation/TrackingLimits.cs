namespace Cairn.Tracking.Validation;

/// <summary>MLflow's limits (mlflow/utils/validation.py), so the same client-side batching works against us.</summary>
public static class TrackingLimits
{
    public const int MaxMetricsPerBatch = 1000;
    public const int MaxParamsPerBatch = 100;
    public const int MaxTagsPerBatch = 100;
    public const int MaxEntitiesPerBatch = 1000;
    public const int MaxKeyLength = 250;
    public const int MaxParamValueLength = 6000;
    public const int MaxTagValueLength = 8000;
    public const int MaxExperimentNameLength = 500;
    public const int MaxExperimentTagValueLength = 5000;
    public const int MaxSearchResults = 50000;
    public const int MaxMetricHistoryResults = 25000;
    public const int MaxRunNameLength = 500;
}
