namespace Cairn.Testing;

/// <summary>Fresh, uniquely named databases on the shared test PostgreSQL server.</summary>
public static class PostgresDatabases
{
    public static async Task<string?> CreateAsync(string prefix)
    {
        var server = await PostgresServer.SharedAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        return await server.CreateDatabaseAsync(name[..Math.Min(name.Length, 40)]);
    }
}
