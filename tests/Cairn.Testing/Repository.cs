namespace Cairn.Testing;

/// <summary>Paths inside the repository, found from the test binaries' directory (tests run from bin/...).</summary>
public static class Repository
{
    /// <summary>The directory holding Cairn.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>examples/seattle-weather: the example pipeline and its data.</summary>
    public static string SeattleWeatherExample { get; } = Path.Combine(Root, "examples", "seattle-weather");

    /// <summary>The example's copy of the Seattle weather CSV.</summary>
    public static string SeattleWeatherCsv { get; } = Path.Combine(SeattleWeatherExample, "data", "seattle-weather.csv");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root (Cairn.slnx) not found");
    }
}
