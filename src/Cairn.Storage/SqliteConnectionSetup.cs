using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cairn.Storage;

/// <summary>
/// Per-connection SQLite settings. <c>synchronous=NORMAL</c> in WAL mode survives a process crash
/// without losing a committed transaction (only an OS crash or power loss may drop the last ones);
/// <c>case_sensitive_like</c> makes LIKE case-sensitive as MLflow's grammar requires (ILIKE lowers both sides).
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA case_sensitive_like=ON; PRAGMA cache_size=-16000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
