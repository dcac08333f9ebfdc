using System.Globalization;

namespace Cairn.Cli.Commands.Demo;

/// <summary>One day of the Seattle weather data: the model's inputs and the true weather type (the feedback).</summary>
internal sealed record WeatherDay(DateOnly Date, double Precipitation, double TempMax, double TempMin, double Wind, string Weather)
{
    public const string CsvHeader = "date,precipitation,temp_max,temp_min,wind,weather";

    /// <summary>The record the deployment is asked about (every model input, nothing else).</summary>
    public IReadOnlyDictionary<string, object?> Record() => new Dictionary<string, object?>
    {
        ["date"] = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["precipitation"] = Precipitation,
        ["temp_max"] = TempMax,
        ["temp_min"] = TempMin,
        ["wind"] = Wind,
    };

    public string ToCsv() => string.Create(CultureInfo.InvariantCulture,
        $"{Date:yyyy-MM-dd},{Precipitation:R},{TempMax:R},{TempMin:R},{Wind:R},{Weather}");

    public static WeatherDay Parse(string line)
    {
        var cells = line.Split(',');
        if (cells.Length != 6)
        {
            throw new FormatException($"Expected 6 cells ({CsvHeader}), got {cells.Length}: '{line}'.");
        }

        return new WeatherDay(
            DateOnly.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            double.Parse(cells[1], CultureInfo.InvariantCulture),
            double.Parse(cells[2], CultureInfo.InvariantCulture),
            double.Parse(cells[3], CultureInfo.InvariantCulture),
            double.Parse(cells[4], CultureInfo.InvariantCulture),
            cells[5]);
    }
}
