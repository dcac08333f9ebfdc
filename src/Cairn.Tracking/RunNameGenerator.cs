namespace Cairn.Tracking;

/// <summary>Friendly default run names in MLflow's style ("skittish-mule-519").</summary>
public static class RunNameGenerator
{
    private static readonly string[] Adjectives =
    [
        "amber", "bold", "brave", "bright", "calm", "clever", "crisp", "dapper", "eager", "fearless", "gentle", "glad",
        "graceful", "handsome", "honest", "jolly", "keen", "kind", "lively", "lucky", "merry", "nimble", "patient",
        "polite", "quick", "quiet", "rare", "serene", "sharp", "skittish", "smiling", "steady", "sunny", "swift",
        "tidy", "valiant", "vivid", "wise", "witty", "zealous",
    ];

    private static readonly string[] Animals =
    [
        "ant", "badger", "bat", "bear", "bee", "bison", "boar", "carp", "cat", "crane", "crow", "deer", "doe", "dove",
        "eagle", "eel", "elk", "finch", "fox", "frog", "goat", "gull", "hare", "hawk", "heron", "horse", "ibis", "lark",
        "lynx", "mare", "mink", "mole", "moth", "mule", "newt", "owl", "ox", "panda", "seal", "shrike", "sow", "stag",
        "swan", "toad", "trout", "vole", "wasp", "wolf", "wren", "yak",
    ];

    public static string Next() =>
        $"{Adjectives[Random.Shared.Next(Adjectives.Length)]}-{Animals[Random.Shared.Next(Animals.Length)]}-{Random.Shared.Next(1000)}";
}
