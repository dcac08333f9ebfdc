using Cairn.Core.Registry;
using Cairn.Storage;
using Cairn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cairn.Storage.Tests.Registry;

/// <summary>The EF registry store over a migrated SQLite file, with a fake clock the tests move by hand.</summary>
public sealed class RegistryStoreFixture : IAsyncLifetime
{
    private readonly TempDirectory _home = new("cairn-registry-store");
    private ServiceProvider? _services;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public IRegistryStore Store => Services.GetRequiredService<IRegistryStore>();

    public IMetadataContextFactory Contexts => Services.GetRequiredService<IMetadataContextFactory>();

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialized.");

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddCairnStorage(new StorageOptions { Home = _home.Path });
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<MetadataMigrator>().MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _home.Dispose();
    }
}
