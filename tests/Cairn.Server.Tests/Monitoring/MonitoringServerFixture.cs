using System.Globalization;
using Cairn.Testing;
using Cairn.Testing.Deployments;

namespace Cairn.Server.Tests.Monitoring;

/// <summary>
/// The deployments server plus a model that carries a training profile (the drift reference): a LightGBM
/// weather classifier trained on the seattle-weather rows of 2012–2013. <see cref="Rows"/> holds the whole
/// CSV so tests can send 2014–2015 (drifted: warmer) or 2012–2013 (the training data) as traffic.
/// </summary>
public sealed class MonitoringServerFixture : IAsyncLifetime
{
    public static readonly string[] Numeric = ["precipitation", "temp_max", "temp_min", "wind"];

    public DeploymentsServerFixture Server { get; } = new();

    public string Model { get; } = "profiled-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyList<WeatherRow> Rows { get; } = Load();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.RegisterAsync(Model, await SeattleModels.ProfiledLightGbm2012To2013);
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    private static List<WeatherRow> Load() =>
        [.. File.ReadLines(Repository.SeattleWeatherCsv).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(p => new WeatherRow(
            DateOnly.Parse(p[0], CultureInfo.InvariantCulture),
            [.. p[1..5].Select(v => double.Parse(v, CultureInfo.InvariantCulture))],
            p[5]))];
}

/// <summary>One day of the seattle-weather data: the four numeric inputs in <see cref="MonitoringServerFixture.Numeric"/> order and the label.</summary>
public sealed record WeatherRow(DateOnly Date, double[] Values, string Weather);

[CollectionDefinition(Name)]
public sealed class MonitoringCollection : ICollectionFixture<MonitoringServerFixture>
{
    public const string Name = "monitoring server";
}
