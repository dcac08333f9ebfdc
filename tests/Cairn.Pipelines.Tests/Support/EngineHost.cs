using Cairn.Core.Artifacts;
using Cairn.Core.Datasets;
using Cairn.Core.Pipelines;
using Cairn.Data;
using Cairn.Pipelines.Engine;
using Cairn.Pipelines.Steps;
using Cairn.Registry;
using Cairn.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cairn.Pipelines.Tests.Support;

/// <summary>
/// A pipeline engine over a real SQLite store and local artifact store in <paramref name="home"/>.
/// Disposing it is a process stop: workers are cancelled mid-step, and a new host on the same home resumes.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineHost(ServiceProvider services) => _services = services;

    public PipelineService Service => _services.GetRequiredService<PipelineService>();

    public IPipelineStore Store => _services.GetRequiredService<IPipelineStore>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<EngineHost> StartAsync(string home, StepLedger ledger, PipelineDispatch dispatch = PipelineDispatch.InProcess)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCairnStorage(new StorageOptions { Home = home });
        services.AddSingleton(ledger);
        services.AddSingleton<IStep, CountStep>();
        services.AddSingleton<IStep, FailStep>();
        services.AddSingleton<IStep, BlockStep>();
        services.AddSingleton<IStep, Tracking.MetricStep>();
        services.AddSingleton<IStep, ExternalStep>();
        // What the data and model steps use (the server registers the same services).
        services.AddSingleton(sp => new DatasetService(sp.GetRequiredService<IDatasetStore>(), sp.GetRequiredService<IArtifactStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RegistryService>();
        services.AddCairnPipelines(
            new PipelineEngineOptions { WorkRoot = Path.Combine(home, "work"), RetryBackoff = TimeSpan.FromMilliseconds(10), WorkerCount = 4 },
            dispatch);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MetadataMigrator>().MigrateAsync(CancellationToken.None);
        await provider.StartPipelineWorkersAsync(CancellationToken.None);
        return new EngineHost(provider);
    }

    public Task<PipelineRunInfo> SubmitAsync(string yaml, IReadOnlyDictionary<string, string>? parameters = null, bool noCache = false, string? workingDirectory = null) =>
        Service.SubmitAsync(new PipelineSubmission(yaml, "pipeline.yaml", parameters ?? new Dictionary<string, string>(), noCache, WorkingDirectory: workingDirectory), CancellationToken.None);

    /// <summary>Polls the store until the run finishes (deadline 30 s; training pipelines on a busy machine get more).</summary>
    public async Task<PipelineRunDetails> WaitAsync(string runId, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var details = await Service.GetRunAsync(runId, CancellationToken.None);
            if (details.Run.Status.IsFinished())
            {
                return details;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} did not finish: " + string.Join(", ", details.Executions.Select(e => $"{e.StepId}#{e.Attempt}={e.State}")));
            await Task.Delay(10);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds (deadline 30 s).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
