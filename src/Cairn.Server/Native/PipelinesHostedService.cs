using Cairn.Pipelines;

namespace Cairn.Server.Native;

/// <summary>Starts the pipeline workers once the store is migrated, and resumes runs a previous process left unfinished.</summary>
internal sealed class PipelinesHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.StartPipelineWorkersAsync(cancellationToken);

    // Workers stop when the container disposes the Hangfire host; unfinished attempts are resumed on the next start.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
