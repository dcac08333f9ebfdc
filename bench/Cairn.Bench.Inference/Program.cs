using System.Diagnostics;
using System.Globalization;
using Cairn.Bench.Inference;
using Cairn.Core.Artifacts;
using Cairn.Core.Registry;
using Cairn.Core.Serving;
using Cairn.Serving.Routing;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// serve [port]: a Cairn server with the seattle-weather LightGBM model deployed as "weather", for wrk.
// inproc: the in-process scoring rate of the same model (the ceiling for the HTTP numbers).
var mode = args.Length > 0 ? args[0] : "serve";
var bundle = await BenchModel.TrainAsync();
if (mode == "inproc")
{
    InProcess.Run(bundle);
    return;
}

var port = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5055;
var home = Path.Combine(Path.GetTempPath(), "cairn-bench-inference-" + Guid.NewGuid().ToString("N")[..8]);
var store = new BenchDeploymentStore();
var app = CairnServer.Build(new ServerOptions { Port = port }, new StorageOptions { Home = home }, builder =>
{
    builder.Services.AddSingleton<IDeploymentStore>(store);
    if (Environment.GetEnvironmentVariable("CAIRN_BENCH_LOG") is { } level)
    {
        builder.Logging.SetMinimumLevel(Enum.Parse<LogLevel>(level));
    }
});
await app.StartAsync();
var version = await BenchModel.RegisterAsync(app.Services.GetRequiredService<IRegistryStore>(), app.Services.GetRequiredService<IArtifactStore>(), bundle, "weather");
var deployment = new Deployment { Name = "weather", Variants = [new DeploymentVariant { Name = "main", Model = "weather", Version = version, Weight = 100 }] };
await store.CreateAsync(deployment, new DeploymentEvent { Deployment = "weather", Actor = "bench", Action = "create", Variants = deployment.Variants }, CancellationToken.None);
var started = Stopwatch.GetTimestamp();
await app.Services.GetRequiredService<DeploymentRouter>().RefreshAsync("weather", CancellationToken.None);
Console.WriteLine($"READY {app.Urls.First()} (model loaded and warmed in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms)");
await app.WaitForShutdownAsync();
try
{
    Directory.Delete(home, recursive: true);
}
catch (IOException)
{
}
