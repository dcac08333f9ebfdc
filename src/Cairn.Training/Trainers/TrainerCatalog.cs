using Cairn.Core.Errors;

namespace Cairn.Training.Trainers;

/// <summary>The trainers Cairn knows, by name.</summary>
public static class TrainerCatalog
{
    public const string Baseline = "baseline";

    private static readonly ITrainerFactory[] Factories =
    [
        new LightGbmTrainerFactory(), new FastTreeTrainerFactory(), new FastForestTrainerFactory(),
        new SdcaTrainerFactory(), new LbfgsTrainerFactory(),
    ];

    /// <summary>Every valid trainer name.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Select(f => f.Name), Baseline];

    /// <summary>The hyperparameters a trainer accepts.</summary>
    public static IReadOnlyList<string> HyperParametersOf(string trainer) =>
        trainer == Baseline ? [] : Find(trainer).HyperParameters;

    internal static ITrainerFactory Find(string name) =>
        Factories.FirstOrDefault(f => f.Name == name)
        ?? throw CairnException.InvalidParameter($"Unknown trainer '{name}'; valid: {string.Join(", ", Names)}.");
}
