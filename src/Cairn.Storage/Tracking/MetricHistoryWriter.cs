using System.Data.Common;
using Cairn.Core.Tracking;
using Npgsql;
using NpgsqlTypes;

namespace Cairn.Storage.Tracking;

/// <summary>
/// Appends metric history rows inside the caller's transaction: binary COPY on PostgreSQL (one round
/// trip for the whole batch), one json_each INSERT on SQLite.
/// </summary>
internal static class MetricHistoryWriter
{
    private const string Columns = """ "RunId", "Key", "Value", "IsNaN", "Timestamp", "Step", "ModelId", "DatasetName", "DatasetDigest" """;

    public static Task WriteAsync(DbConnection connection, DbTransaction tx, string runId, IReadOnlyList<Metric> metrics, bool postgres, CancellationToken cancellationToken) =>
        postgres
            ? CopyAsync((NpgsqlConnection)connection, runId, metrics, cancellationToken)
            : InsertAsync(connection, tx, runId, metrics, cancellationToken);

    private static Task InsertAsync(DbConnection connection, DbTransaction tx, string runId, IReadOnlyList<Metric> metrics, CancellationToken cancellationToken) =>
        SqliteJsonRows.ExecuteAsync(connection, tx, SqliteJsonRows.InsertHistorySql, runId, metrics, cancellationToken);

    private static async Task CopyAsync(NpgsqlConnection connection, string runId, IReadOnlyList<Metric> metrics, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY metrics ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var m in metrics)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(runId, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(m.Key, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(double.IsNaN(m.Value) ? 0d : m.Value, NpgsqlDbType.Double, cancellationToken);
            await writer.WriteAsync(double.IsNaN(m.Value), NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(m.Timestamp, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(m.Step, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(writer, m.ModelId, cancellationToken);
            await WriteNullableAsync(writer, m.DatasetName, cancellationToken);
            await WriteNullableAsync(writer, m.DatasetDigest, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
