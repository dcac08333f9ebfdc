using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;

namespace Cairn.Storage.Tracking;

/// <summary>
/// Writes rows with multi-row <c>INSERT ... VALUES (...), (...)</c> statements of up to
/// <see cref="RowsPerStatement"/> rows. Per-statement overhead, not per-row work, dominates small inserts,
/// so this is several times faster than one execution per row. Used on PostgreSQL only: SQLite looks
/// parameters up by name linearly, which makes wide statements quadratic (see <see cref="SqliteJsonRows"/>).
/// </summary>
internal static class MultiRowInsert
{
    public const int RowsPerStatement = 200;

    private static readonly ConcurrentDictionary<(string Prefix, int Columns, int Rows, string Suffix), string> SqlCache = new();

    /// <summary>
    /// Inserts <paramref name="rows"/>; <paramref name="fill"/> writes a row's values into its parameter slots.
    /// <paramref name="prefix"/> is "INSERT INTO t (cols) VALUES", <paramref name="suffix"/> an optional ON CONFLICT clause.
    /// </summary>
    public static async Task ExecuteAsync<T>(
        DbConnection connection, DbTransaction tx, string prefix, int columns, string suffix,
        IReadOnlyList<T> rows, Action<T, object?[]> fill, CancellationToken cancellationToken)
    {
        var values = new object?[columns];
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = SqlCache.GetOrAdd((prefix, columns, count, suffix), key => BuildSql(key.Prefix, key.Columns, key.Rows, key.Suffix));
            for (var r = 0; r < count; r++)
            {
                fill(rows[start + r], values);
                for (var c = 0; c < columns; c++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = $"p{(r * columns) + c}";
                    p.Value = values[c] ?? DBNull.Value;
                    command.Parameters.Add(p);
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string BuildSql(string prefix, int columns, int rows, string suffix)
    {
        var sb = new StringBuilder(prefix).Append(' ');
        for (var r = 0; r < rows; r++)
        {
            sb.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                sb.Append(c == 0 ? "@p" : ", @p").Append((r * columns) + c);
            }

            sb.Append(')');
        }

        return sb.Append(' ').Append(suffix).ToString();
    }
}
