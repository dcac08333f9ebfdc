namespace Cairn.Serving.Metrics;

/// <summary>
/// What the serving hot path reports for Prometheus. Implementations are lock-free: a call costs a few
/// atomic increments. Label values are bounded (deployment and variant names, protocol, status code).
/// </summary>
public interface IServingMetrics
{
    /// <summary>One answered request (any status) of a deployment's live variant; <paramref name="protocol"/> is <c>oip</c> or <c>records</c>.</summary>
    void RecordRequest(string deployment, string variant, string protocol, int statusCode, double seconds);

    /// <summary>One shadow scoring, off the request path.</summary>
    void RecordShadow(string deployment, string variant, bool succeeded, double seconds);

    /// <summary>A model version finished loading and warming up.</summary>
    void RecordModelLoad(string model, long version, double seconds);
}
