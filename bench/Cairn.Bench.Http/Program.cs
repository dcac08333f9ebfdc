// HTTP benchmarks of the tracking API: a Cairn server in its own process, one client on loopback with
// keep-alive, real requests. Each figure is reported beside a baseline measured in the same run.
//   dotnet run -c Release --project bench/Cairn.Bench.Http -- [--postgres] [--quick]
//   (internal) --serve --port N --home DIR [--database CONN]
using Cairn.Bench.Http;

if (args.Contains("--serve"))
{
    return await ServerMode.RunAsync(args);
}

var quick = args.Contains("--quick");
var results = new List<BenchResult>();
var backends = args.Contains("--postgres-only") ? new[] { "postgres" } : args.Contains("--postgres") ? ["sqlite", "postgres"] : new[] { "sqlite" };
foreach (var backend in backends)
{
    await using var server = await BenchServer.StartAsync(backend);
    results.AddRange(await TrackingBenchmarks.RunAsync(server, backend, quick));
}

Console.WriteLine();
Console.WriteLine(BenchResult.MarkdownTable(results));
return 0;
