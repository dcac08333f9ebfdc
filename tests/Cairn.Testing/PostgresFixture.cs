using Xunit;

namespace Cairn.Testing;

/// <summary>
/// The process-wide PostgreSQL test server as an xunit class or collection fixture. Declare a collection in
/// the test assembly (<c>[CollectionDefinition("postgres")] ... : ICollectionFixture&lt;PostgresFixture&gt;</c>)
/// or use it as <c>IClassFixture&lt;PostgresFixture&gt;</c>; every user shares one server.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture is not initialised.");

    /// <summary>A fresh, uniquely named database; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "cairn_test", CancellationToken cancellationToken = default) =>
        Server.CreateDatabaseAsync($"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)], cancellationToken);

    public async Task InitializeAsync() => _server = await PostgresServer.SharedAsync();

    // The shared server outlives any one collection; it stops when the test process exits.
    public Task DisposeAsync() => Task.CompletedTask;
}
