using System.Collections.Concurrent;
using Cairn.Serving.Metrics;

namespace Cairn.Inference.Tests.Support;

/// <summary>Remembers what the serving code reported, for assertions.</summary>
public sealed class RecordingMetrics : IServingMetrics
{
    public ConcurrentQueue<(string Model, long Version, double Seconds)> Loads { get; } = new();

    public ConcurrentQueue<(string Deployment, string Variant, string Protocol, int Status)> Requests { get; } = new();

    public ConcurrentQueue<(string Deployment, string Variant, bool Succeeded)> Shadows { get; } = new();

    public void RecordModelLoad(string model, long version, double seconds) => Loads.Enqueue((model, version, seconds));

    public void RecordRequest(string deployment, string variant, string protocol, int statusCode, double seconds) =>
        Requests.Enqueue((deployment, variant, protocol, statusCode));

    public void RecordShadow(string deployment, string variant, bool succeeded, double seconds) =>
        Shadows.Enqueue((deployment, variant, succeeded));
}
