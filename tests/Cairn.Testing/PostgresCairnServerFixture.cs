namespace Cairn.Testing;

/// <summary>
/// A real Cairn server whose metadata store is a fresh database on the shared PostgreSQL test server
/// (artifacts stay in the private home). A restart reuses the same database.
/// </summary>
public class PostgresCairnServerFixture : CairnServerFixture
{
    private string? _database;
    private string? _connectionString;

    protected override async Task<string?> DatabaseConnectionStringAsync()
    {
        if (_connectionString is null)
        {
            var server = await PostgresServer.SharedAsync();
            _database = $"cairn_{Guid.NewGuid():N}";
            _connectionString = await server.CreateDatabaseAsync(_database);
        }

        return _connectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            // Matters for an external CAIRN_TEST_POSTGRES server; a private one is deleted as a whole.
            var server = await PostgresServer.SharedAsync();
            if (server.IsExternal)
            {
                await server.DropDatabaseAsync(_database);
            }
        }
    }
}
