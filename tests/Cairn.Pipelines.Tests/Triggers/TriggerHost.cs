using Cairn.Core.Artifacts;
using Cairn.Core.Datasets;
using Cairn.Core.Monitoring;
using Cairn.Core.Pipelines;
using Cairn.Data;
using Cairn.Data.Import;
using Cairn.Pipelines.Engine;
using Cairn.Pipelines.Steps;
using Cairn.Pipelines.Tests.Support;
using Cairn.Pipelines.Triggers;
using Cairn.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cairn.Pipelines.Tests.Triggers;

/// <summary>
/// The pipeline engine and the trigger service over a real SQLite store in <paramref name="home"/>, on a
/// fake clock, with an in-memory monitor store. The hosted loop is off: tests call EvaluateAsync.
/// Disposing it is a process stop; a new host on the same home is a restart.
/// </summary>
public sealed class TriggerHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TriggerHost(ServiceProvider services, FakeTimeProvider time, InMemoryMonitorStore monitor)
    {
        _services = services;
        Time = time;
        Monitor = monitor;
    }

    public FakeTimeProvider Time { get; }

    public InMemoryMonitorStore Monitor { get; }

    public TriggerService Triggers => _services.GetRequiredService<TriggerService>();

    public PipelineService Pipelines => _services.GetRequiredService<PipelineService>();

    public long Now => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public static async Task<TriggerHost> StartAsync(string home, FakeTimeProvider time, InMemoryMonitorStore? monitor = null, StepLedger? ledger = null)
    {
        monitor ??= new InMemoryMonitorStore();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCairnStorage(new StorageOptions { Home = home });
        services.AddSingleton(ledger ?? new StepLedger());
        services.AddSingleton<IStep, CountStep>();
        services.AddSingleton<IStep, BlockStep>();
        services.AddSingleton(sp => new DatasetService(sp.GetRequiredService<IDatasetStore>(), sp.GetRequiredService<IArtifactStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMonitorStore>(monitor);
        services.AddCairnPipelines(new PipelineEngineOptions { WorkRoot = Path.Combine(home, "work"), WorkerCount = 2 }, PipelineDispatch.InProcess);
        services.AddCairnPipelineTriggers(new TriggerOptions { Enabled = false });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MetadataMigrator>().MigrateAsync(CancellationToken.None);
        await provider.StartPipelineWorkersAsync(CancellationToken.None);
        return new TriggerHost(provider, time, monitor);
    }

    public async Task<AppliedPipeline> ApplyAsync(string yaml, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var result = await Triggers.ApplyAsync(new PipelineApplication(yaml, "pipeline.yaml", null, parameters ?? new Dictionary<string, string>()), CancellationToken.None);
        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        return result.Pipeline!;
    }

    public Task EvaluateAsync() => Triggers.EvaluateAsync(CancellationToken.None);

    public async Task<IReadOnlyList<PipelineRunInfo>> RunsAsync(string pipeline)
    {
        var known = await Pipelines.ListPipelinesAsync(CancellationToken.None);
        return known.Any(p => p.Name == pipeline) ? await Pipelines.ListRunsAsync(pipeline, 100, CancellationToken.None) : [];
    }

    public async Task<TriggerState> TriggerAsync(string pipeline, int position = 0) =>
        (await Triggers.GetTriggersAsync(pipeline, CancellationToken.None)).Triggers[position].State;

    public async Task<TriggerView> ViewAsync(string pipeline, int position = 0) =>
        (await Triggers.GetTriggersAsync(pipeline, CancellationToken.None)).Triggers[position];

    /// <summary>Imports a small CSV as a new version of <paramref name="dataset"/> (distinct content per <paramref name="seed"/>).</summary>
    public Task<DatasetVersionWrite> ImportAsync(string dataset, int seed)
    {
        var csv = "x,y\n" + string.Join("\n", Enumerable.Range(seed, 5).Select(i => $"{i},{i * 2}")) + "\n";
        return _services.GetRequiredService<DatasetService>().ImportAsync(
            new ImportRequest { Name = dataset, Format = "csv" }, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), CancellationToken.None);
    }

    /// <summary>Polls until every run of the pipeline finished (deadline 30 s, real time: steps run on the thread pool).</summary>
    public async Task WaitIdleAsync(string pipeline)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await RunsAsync(pipeline)).Any(r => !r.Status.IsFinished()))
        {
            Assert.True(DateTime.UtcNow < deadline, $"runs of {pipeline} did not finish");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
