using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cairn.Storage;

/// <summary>Recognises a unique-constraint violation on either provider.</summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
