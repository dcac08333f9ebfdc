namespace Cairn.Testing;

/// <summary>Fresh, uniquely named databases on the shared test PostgreSQL server.</summary>
public static class PostgresDatabases
{
    public static async Task<string?> CreateAsync(string prefix)
    {
        var server = await PostgresServer.SharedAsync();
        return await server.CreateDatabaseAsync($"{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant());
    }
}
