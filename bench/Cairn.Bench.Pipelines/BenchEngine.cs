using Cairn.Core.Artifacts;
using Cairn.Core.Datasets;
using Cairn.Core.Pipelines;
using Cairn.Data;
using Cairn.Pipelines;
using Cairn.Pipelines.Engine;
using Cairn.Registry;
using Cairn.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cairn.Bench.Pipelines;

/// <summary>The pipeline engine over a fresh SQLite store and local artifacts, as the embedded server runs it.</summary>
internal sealed class BenchEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _home;

    private BenchEngine(ServiceProvider services, string home)
    {
        _services = services;
        _home = home;
    }

    public PipelineService Service => _services.GetRequiredService<PipelineService>();

    public IArtifactStore Artifacts => _services.GetRequiredService<IArtifactStore>();

    public static async Task<BenchEngine> StartAsync(PipelineDispatch dispatch)
    {
        var home = Path.Combine(Path.GetTempPath(), "cairn-bench-pl-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCairnStorage(new StorageOptions { Home = home });
        // The data and model steps' services, as the server registers them.
        services.AddSingleton(sp => new DatasetService(sp.GetRequiredService<IDatasetStore>(), sp.GetRequiredService<IArtifactStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RegistryService>();
        services.AddCairnPipelines(new PipelineEngineOptions { WorkRoot = Path.Combine(home, "work") }, dispatch);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MetadataMigrator>().MigrateAsync(CancellationToken.None);
        await provider.StartPipelineWorkersAsync(CancellationToken.None);
        return new BenchEngine(provider, home);
    }

    /// <summary>Submits and polls the store until the run finishes; returns the run.</summary>
    /// <param name="pollInterval">How often the store is asked (default 1 ms: latency matters for the overhead figures; a longer
    /// interval keeps the polling from taking CPU from a training step on a 2-core machine).</param>
    public async Task<PipelineRunDetails> RunAsync(string yaml, bool noCache, string? workingDirectory = null, TimeSpan? pollInterval = null)
    {
        var run = await Service.SubmitAsync(
            new PipelineSubmission(yaml, "bench.yaml", new Dictionary<string, string>(), noCache, WorkingDirectory: workingDirectory), CancellationToken.None);
        // Polls the run's own row (cheap), not the whole run with its executions: on 2 cores the poller
        // competes with the engine it measures. The details are read once, at the end.
        var store = _services.GetRequiredService<IPipelineStore>();
        while (true)
        {
            var status = (await store.GetRunAsync(run.RunId, CancellationToken.None))!.Status;
            if (status.IsFinished())
            {
                var details = await Service.GetRunAsync(run.RunId, CancellationToken.None);
                return details.Run.Status == PipelineRunStatus.Complete
                    ? details
                    : throw new InvalidOperationException($"bench run {details.Run.Status}: {details.Run.Error}");
            }

            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Temp space: the OS cleans it up.
        }
    }
}
