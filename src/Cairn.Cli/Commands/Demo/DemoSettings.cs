namespace Cairn.Cli.Commands.Demo;

/// <summary>
/// How the demo runs: where, and how much traffic. <see cref="Fast"/> (tests, a quick look) asks fewer
/// clients per day and shortens the rollout's wait between analyses; the story and the decisions are the same.
/// </summary>
internal sealed record DemoSettings
{
    public const string DefaultHome = ".cairn-demo";

    public const string Deployment = "weather";

    public const string Model = "seattle-weather";

    public required string Home { get; init; }

    public int Port { get; init; } = 5000;

    public bool Serve { get; init; } = true;

    public bool Json { get; init; }

    public bool Fast { get; init; }

    /// <summary>Replayed days between a prediction and its feedback (the true weather is known a week later).</summary>
    public int FeedbackDelayDays { get; init; } = 7;

    /// <summary>
    /// Clients asking about each 2015 day during a rollout at <paramref name="canaryWeight"/>%: about one of them
    /// reaches the canary, so its labelled answers are mostly distinct days (repeated answers about one day are
    /// not independent and would make the test overconfident), and the champion keeps serving the rest.
    /// </summary>
    public static int RolloutClientsPerDay(int canaryWeight) => canaryWeight <= 0 ? 1 : Math.Max(1, (int)Math.Round(100.0 / canaryWeight));

    /// <summary>Labelled answers each arm needs at a step before the analysis decides.</summary>
    public int RolloutMinSamples => Fast ? 25 : 40;

    /// <summary>Time the rollout spends at least at each step (wall clock; the replay keeps sending meanwhile).</summary>
    public double RolloutIntervalSeconds => Fast ? 0.3 : 1;

    /// <summary>Replayed days between two rollout analyses.</summary>
    public int DaysPerAnalysis => 7;

    /// <summary>The retraining pipeline's params for this run (its rollout policy).</summary>
    public Dictionary<string, string> RetrainParams(params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rollout_interval"] = RolloutIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["rollout_min_samples"] = RolloutMinSamples.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return values;
    }

    public string DemoDirectory => Path.Combine(Home, "demo");

    public string DataFile => Path.Combine(DemoDirectory, "data", "weather.csv");
}
