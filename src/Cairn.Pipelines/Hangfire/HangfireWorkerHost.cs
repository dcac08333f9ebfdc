using Cairn.Pipelines.Engine;
using Hangfire;
using Hangfire.InMemory;

namespace Cairn.Pipelines.Hangfire;

/// <summary>
/// Hangfire's storage, client and (once started) server for this process. The embedded default keeps
/// jobs in memory: losing them with the process is fine, because the reconciler re-dispatches from the
/// metadata store on start-up.
/// </summary>
public sealed class HangfireWorkerHost(IServiceProvider services, PipelineEngineOptions options) : IDisposable
{
    private readonly IServiceProvider _services = services;
    private readonly PipelineEngineOptions _options = options;
    private readonly InMemoryStorage _storage = new();
    private BackgroundJobServer? _server;
    private BackgroundJobClient? _client;

    public IBackgroundJobClient Client => _client ??= new BackgroundJobClient(_storage);

    /// <summary>Starts processing jobs in this process.</summary>
    public void Start()
    {
        _server ??= new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = _options.WorkerCount,
                Activator = new ServiceJobActivator(_services),
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                ServerName = _options.WorkerName,
            },
            _storage);
    }

    public void Dispose()
    {
        _server?.SendStop();
        _server?.Dispose();
        _server = null;
        _storage.Dispose();
    }

    private sealed class ServiceJobActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) =>
            services.GetService(jobType) ?? throw new InvalidOperationException($"Job type {jobType.Name} is not registered.");
    }
}
