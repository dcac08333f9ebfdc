using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cairn.Testing;

/// <summary>The storage layer alone (no HTTP): a service provider over a migrated SQLite or PostgreSQL store.</summary>
public sealed class StoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempDirectory _home;

    private StoreHost(ServiceProvider services, TempDirectory home)
    {
        _services = services;
        _home = home;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Creates and migrates a store; <paramref name="database"/> null means SQLite in a temp home.</summary>
    public static async Task<StoreHost> CreateAsync(string? database = null, TimeProvider? time = null)
    {
        var home = new TempDirectory("cairn-store");
        var services = new ServiceCollection();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCairnStorage(new StorageOptions { Home = home.Path, Database = database });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MetadataMigrator>().MigrateAsync(CancellationToken.None);
        return new StoreHost(provider, home);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _home.Dispose();
    }
}
