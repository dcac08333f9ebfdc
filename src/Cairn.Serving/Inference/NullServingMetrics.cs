using Cairn.Serving.Metrics;

namespace Cairn.Serving.Inference;

/// <summary>The default until a metrics implementation is registered: records nothing.</summary>
public sealed class NullServingMetrics : IServingMetrics
{
    public void RecordRequest(string deployment, string variant, string protocol, int statusCode, double seconds)
    {
    }

    public void RecordShadow(string deployment, string variant, bool succeeded, double seconds)
    {
    }

    public void RecordModelLoad(string model, long version, double seconds)
    {
    }
}
