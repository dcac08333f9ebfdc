using Cairn.Testing;
using Npgsql;

namespace Cairn.Storage.Tests;

public sealed class PostgresFixtureTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task CreatedDatabase_AcceptsQueries()
    {
        var connectionString = await postgres.CreateDatabaseAsync("fixture_check");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select 1, current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal(1, reader.GetInt32(0));
        Assert.StartsWith("fixture_check_", reader.GetString(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatedDatabases_AreSeparate()
    {
        var first = await postgres.CreateDatabaseAsync("fixture_a");
        var second = await postgres.CreateDatabaseAsync("fixture_b");

        await ExecuteAsync(first, "create table marker (id int)");

        // The table exists only where it was created.
        await ExecuteAsync(first, "select count(*) from marker");
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(second, "select count(*) from marker"));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, error.SqlState);
    }

    [Fact]
    public async Task PrivateServer_StopsOnDispose()
    {
        if (Environment.GetEnvironmentVariable(PostgresServer.EnvironmentVariable) is { Length: > 0 })
        {
            return; // an external server is not ours to start or stop
        }

        var server = await PostgresServer.StartAsync(CancellationToken.None);
        var connectionString = await server.CreateDatabaseAsync("stop_check");
        await ExecuteAsync(connectionString, "select 1");
        var dataDirectory = server.DataDirectory!;
        Assert.True(server.IsRunning);

        await server.DisposeAsync();

        Assert.False(server.IsRunning);
        Assert.False(Directory.Exists(dataDirectory));
        NpgsqlConnection.ClearAllPools();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(connectionString, "select 1"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteScalarAsync();
    }
}
