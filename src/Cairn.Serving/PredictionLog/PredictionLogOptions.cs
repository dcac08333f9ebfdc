namespace Cairn.Serving.PredictionLog;

/// <summary>
/// Options of the prediction log (configuration section <c>Cairn:PredictionLog</c>). Per-deployment
/// entries in <see cref="Deployments"/> override the sampling rate and add redacted fields.
/// </summary>
public sealed class PredictionLogOptions
{
    public const string Section = "Cairn:PredictionLog";

    /// <summary>When false nothing is recorded (every record counts as not sampled).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Root of the segment files; the server sets <c>{home}/predictions</c>.</summary>
    public string Directory { get; set; } = "predictions";

    /// <summary>Share of requests recorded, in [0, 1]; decided by a hash of the request id.</summary>
    public double SampleRate { get; set; } = 1.0;

    /// <summary>Input fields never written, for every deployment (matched ignoring case).</summary>
    public List<string> RedactFields { get; set; } = [];

    /// <summary>Overrides by deployment name.</summary>
    public Dictionary<string, DeploymentPredictionLogOptions> Deployments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Records buffered in memory at most; beyond it new records are dropped and counted.</summary>
    public int Capacity { get; set; } = 100_000;

    /// <summary>Records per segment file at most.</summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>How long the first buffered record waits for a batch to fill before it is written.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Prediction log settings of one deployment.</summary>
public sealed class DeploymentPredictionLogOptions
{
    /// <summary>Replaces the global sampling rate when set.</summary>
    public double? SampleRate { get; set; }

    /// <summary>Redacted in addition to the global fields.</summary>
    public List<string> RedactFields { get; set; } = [];
}
