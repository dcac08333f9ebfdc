using System.Text.RegularExpressions;
using Npgsql;

namespace Cairn.Testing;

/// <summary>
/// A PostgreSQL server for tests. By default a private cluster started from Debian's binaries (see
/// <see cref="PostgresCluster"/>); if <c>CAIRN_TEST_POSTGRES</c> holds a connection string, that server
/// is used instead (its user must be allowed to create databases). Tests get a fresh database each from
/// <see cref="CreateDatabaseAsync"/>. Starting a cluster costs a second or two, so one is shared per test
/// process (<see cref="SharedAsync"/>).
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "CAIRN_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared =
        new(() => StartAsync(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PostgresCluster? _cluster;

    private PostgresServer(string adminConnectionString, PostgresCluster? cluster)
    {
        AdminConnectionString = adminConnectionString;
        _cluster = cluster;
    }

    /// <summary>A connection string with the right to create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>True when the server came from <c>CAIRN_TEST_POSTGRES</c> (it is not ours to stop).</summary>
    public bool IsExternal => _cluster is null;

    /// <summary>True while the server accepts work (always true for an external server).</summary>
    public bool IsRunning => _cluster?.IsRunning ?? true;

    /// <summary>The data directory of our own cluster; null for an external server.</summary>
    public string? DataDirectory => _cluster?.DataDirectory;

    /// <summary>
    /// The server shared by every test of this process. A failure to start is cached, so every test reports
    /// it. It is stopped by its watchdog when the process exits (see <see cref="PostgresCluster"/>).
    /// </summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>Starts a private server (or wraps <c>CAIRN_TEST_POSTGRES</c>); the caller disposes it.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var server = new PostgresServer(external, cluster: null);
            await server.ExecuteAsync("select 1", cancellationToken);
            return server;
        }

        var cluster = await PostgresCluster.StartAsync(cancellationToken);
        return new PostgresServer(cluster.AdminConnectionString, cluster);
    }

    /// <summary>Creates an empty database and returns a connection string to it. Names are folded to [a-z0-9_].</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var database = SafeName(name);
        await ExecuteAsync($"CREATE DATABASE \"{database}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>Drops a database, closing sessions still open on it (pooled connections of a stopped server).</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var database = SafeName(name);
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", cancellationToken);
    }

    /// <summary>Runs one statement on the admin database.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _cluster.StopAsync(CancellationToken.None);
        }
    }

    private static string SafeName(string name)
    {
        var safe = UnsafeChars().Replace(name.ToLowerInvariant(), "_");
        return safe.Length is > 0 and <= 63
            ? safe
            : throw new ArgumentException($"Database name '{name}' must have 1 to 63 characters.", nameof(name));
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex UnsafeChars();
}
