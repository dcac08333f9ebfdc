namespace Cairn.Pipelines.Engine;

/// <summary>Settings of the run engine.</summary>
public sealed class PipelineEngineOptions
{
    public const string Section = "Cairn:Pipelines";

    /// <summary>Local scratch space for step attempts (<c>{WorkRoot}/{run}/{step}/{attempt}</c>); outputs are published from here to the artifact store.</summary>
    public string WorkRoot { get; set; } = Path.Combine(Path.GetTempPath(), "cairn-pipelines");

    /// <summary>Delay before the first retry of a failed step; each further retry doubles it.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many steps run at once in this process.</summary>
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Recorded on each execution it runs.</summary>
    public string WorkerName { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public TimeSpan BackoffFor(int failedAttempt)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempt - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBackoff.Ticks * factor, MaxRetryBackoff.Ticks));
        return delay;
    }
}
