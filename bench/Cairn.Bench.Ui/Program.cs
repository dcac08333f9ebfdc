// UI benchmark: the runs table of an experiment holding 10,000 runs (params, metrics, a metric history each).
// Time to first byte of /experiments/{id} (first page, filtered, sorted by a metric, a deep page) beside the same
// search through the MLflow JSON API, measured in the same run on the same server.
//   dotnet run -c Release --project bench/Cairn.Bench.Ui -- [--runs N] [--iterations N]
using System.Globalization;
using Cairn.Bench.Ui;

var runs = Option("--runs", 10_000);
var iterations = Option("--iterations", 40);
await using var server = await UiBenchServer.StartAsync();
var experimentId = await RunsSeeder.SeedAsync(server, runs);
var results = await UiBenchmarks.RunAsync(server, experimentId, runs, iterations);
Console.WriteLine();
Console.WriteLine(UiBenchmarks.MarkdownTable(results));
return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
