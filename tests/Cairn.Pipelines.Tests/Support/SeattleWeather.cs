namespace Cairn.Pipelines.Tests.Support;

/// <summary>The real seattle-weather data of the example pipeline (examples/seattle-weather/data).</summary>
internal static class SeattleWeather
{
    public static string CsvPath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx")))
            {
                directory = directory.Parent;
            }

            var root = directory?.FullName ?? throw new InvalidOperationException("repository root not found");
            return Path.Combine(root, "examples", "seattle-weather", "data", "seattle-weather.csv");
        }
    }

    /// <summary>Copies the CSV to <paramref name="directory"/>/<paramref name="name"/> and returns its path.</summary>
    public static string CopyTo(string directory, string name = "weather.csv")
    {
        var target = Path.Combine(directory, name);
        File.Copy(CsvPath, target, overwrite: true);
        return target;
    }
}
