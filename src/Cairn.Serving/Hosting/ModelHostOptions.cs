namespace Cairn.Serving.Hosting;

/// <summary>Tuning of the model host; the defaults suit a small CPU-only server.</summary>
public sealed class ModelHostOptions
{
    /// <summary>How many synthetic predictions run before a freshly loaded version counts as ready.</summary>
    public int WarmUpPredictions { get; set; } = 3;

    /// <summary>
    /// How long an unloaded version stays alive for requests that picked it up just before (they hold a
    /// reference from an old routing snapshot); it is disposed after this.
    /// </summary>
    public TimeSpan UnloadGracePeriod { get; set; } = TimeSpan.FromSeconds(30);
}
