using System.Collections.Concurrent;
using Xunit;

namespace Cairn.Testing;

/// <summary>
/// The process-wide PostgreSQL test server as an xunit class or collection fixture. Declare a collection in
/// the test assembly (<c>[CollectionDefinition("postgres")] ... : ICollectionFixture&lt;PostgresFixture&gt;</c>)
/// or use it as <c>IClassFixture&lt;PostgresFixture&gt;</c>; every user shares one server.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly ConcurrentBag<string> _databases = [];
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture is not initialised.");

    /// <summary>A fresh database named <c>{prefix}_{guid}</c>; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "cairn_test", CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        _databases.Add(name);
        return Server.CreateDatabaseAsync(name, cancellationToken);
    }

    public async Task InitializeAsync() => _server = await PostgresServer.SharedAsync();

    /// <summary>
    /// The shared server outlives any one fixture (its watchdog stops it with the process). On an external
    /// CAIRN_TEST_POSTGRES server, the databases this fixture created are dropped.
    /// </summary>
    public async Task DisposeAsync()
    {
        if (_server is { IsExternal: true })
        {
            foreach (var database in _databases)
            {
                await _server.DropDatabaseAsync(database);
            }
        }
    }
}
