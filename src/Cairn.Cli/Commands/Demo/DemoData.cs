using System.Reflection;

namespace Cairn.Cli.Commands.Demo;

/// <summary>
/// The demo's real data, split the way the story needs it: the champion trains on 2012–2013 minus a
/// random held-out slice (spread over both years, so its seasons match the training data), the held-out
/// slice is replayed first (no drift expected), then 2014 and 2015 arrive day by day.
/// </summary>
internal sealed class DemoData
{
    /// <summary>The CSV ships inside the CLI, so the demo runs from any directory (and from the installed tool).</summary>
    public const string ResourceName = "Cairn.Cli.Demo.seattle-weather.csv";

    private const int HoldOutSeed = 2014;
    private const double HoldOutFraction = 0.2;

    private DemoData(IReadOnlyList<WeatherDay> training, IReadOnlyList<WeatherDay> holdOut, IReadOnlyList<WeatherDay> year2014, IReadOnlyList<WeatherDay> year2015)
    {
        Training = training;
        HoldOut = holdOut;
        Year2014 = year2014;
        Year2015 = year2015;
    }

    /// <summary>2012–2013 without the held-out slice: what the champion is trained on.</summary>
    public IReadOnlyList<WeatherDay> Training { get; }

    /// <summary>A random 20% of 2012–2013 days, in date order, never trained on.</summary>
    public IReadOnlyList<WeatherDay> HoldOut { get; }

    public IReadOnlyList<WeatherDay> Year2014 { get; }

    public IReadOnlyList<WeatherDay> Year2015 { get; }

    public static DemoData Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The demo data '{ResourceName}' is not embedded in the CLI.");
        using var reader = new StreamReader(stream);
        var days = new List<WeatherDay>();
        var header = reader.ReadLine();
        if (header?.Trim() != WeatherDay.CsvHeader)
        {
            throw new InvalidOperationException($"The demo data's header is '{header}', expected '{WeatherDay.CsvHeader}'.");
        }

        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                days.Add(WeatherDay.Parse(line.Trim()));
            }
        }

        return Split(days);
    }

    public static DemoData Split(IReadOnlyList<WeatherDay> days)
    {
        var early = days.Where(d => d.Date.Year <= 2013).OrderBy(d => d.Date).ToList();

        // A seeded shuffle picks the held-out days; both parts keep date order.
        var random = new Random(HoldOutSeed);
        var picked = early.Select(d => (Day: d, Key: random.NextDouble())).OrderBy(p => p.Key).Take((int)Math.Round(early.Count * HoldOutFraction)).Select(p => p.Day).ToHashSet();
        return new DemoData(
            [.. early.Where(d => !picked.Contains(d))],
            [.. early.Where(picked.Contains)],
            [.. days.Where(d => d.Date.Year == 2014).OrderBy(d => d.Date)],
            [.. days.Where(d => d.Date.Year == 2015).OrderBy(d => d.Date)]);
    }

    /// <summary>Writes the rows as the CSV the pipelines import (a new file content = a new dataset version).</summary>
    public static async Task WriteCsvAsync(string path, IEnumerable<WeatherDay> rows, CancellationToken cancellationToken)
    {
        var lines = new List<string> { WeatherDay.CsvHeader };
        lines.AddRange(rows.OrderBy(r => r.Date).Select(r => r.ToCsv()));
        var temporary = path + ".tmp";
        await File.WriteAllLinesAsync(temporary, lines, cancellationToken);

        // Replace atomically: a pipeline importing it meanwhile sees the old or the new file, never half of one.
        File.Move(temporary, path, overwrite: true);
    }
}
