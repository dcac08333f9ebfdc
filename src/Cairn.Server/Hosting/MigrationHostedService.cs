using Cairn.Storage;

namespace Cairn.Server.Hosting;

/// <summary>Applies metadata migrations before Kestrel accepts the first request.</summary>
public sealed class MigrationHostedService(MetadataMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
