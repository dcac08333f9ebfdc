namespace Cairn.Pipelines.Tests.Support;

/// <summary>The real seattle-weather data of the example pipeline (examples/seattle-weather/data).</summary>
internal static class SeattleWeather
{
    public static string CsvPath => Cairn.Testing.Repository.SeattleWeatherCsv;

    /// <summary>Copies the CSV to <paramref name="directory"/>/<paramref name="name"/> and returns its path.</summary>
    public static string CopyTo(string directory, string name = "weather.csv")
    {
        var target = Path.Combine(directory, name);
        File.Copy(CsvPath, target, overwrite: true);
        return target;
    }
}
