using System.Data.Common;
using Cairn.Core.Tracking;
using Npgsql;
using NpgsqlTypes;

namespace Cairn.Storage.Tracking;

/// <summary>
/// Appends metric history rows inside the caller's transaction: binary COPY on PostgreSQL (one round
/// trip for the whole batch), one re-executed prepared INSERT on SQLite (in-process, so no round trips).
/// </summary>
internal static class MetricHistoryWriter
{
    private const string Columns = """ "RunId", "Key", "Value", "IsNaN", "Timestamp", "Step", "ModelId", "DatasetName", "DatasetDigest" """;

    public static Task WriteAsync(DbConnection connection, DbTransaction tx, string runId, IReadOnlyList<Metric> metrics, bool postgres, CancellationToken cancellationToken) =>
        postgres
            ? CopyAsync((NpgsqlConnection)connection, runId, metrics, cancellationToken)
            : InsertAsync(connection, tx, runId, metrics, cancellationToken);

    private static async Task InsertAsync(DbConnection connection, DbTransaction tx, string runId, IReadOnlyList<Metric> metrics, CancellationToken cancellationToken)
    {
        await using var command = EfTrackingStore.Command(connection, tx,
            $"INSERT INTO metrics ({Columns}) VALUES (@run, @key, @value, @nan, @ts, @step, @model, @dsname, @dsdigest)",
            ("run", runId), ("key", ""), ("value", 0d), ("nan", false), ("ts", 0L), ("step", 0L),
            ("model", DBNull.Value), ("dsname", DBNull.Value), ("dsdigest", DBNull.Value));
        command.Prepare();
        foreach (var m in metrics)
        {
            command.Parameters[1].Value = m.Key;
            command.Parameters[2].Value = double.IsNaN(m.Value) ? 0d : m.Value;
            command.Parameters[3].Value = double.IsNaN(m.Value);
            command.Parameters[4].Value = m.Timestamp;
            command.Parameters[5].Value = m.Step;
            command.Parameters[6].Value = (object?)m.ModelId ?? DBNull.Value;
            command.Parameters[7].Value = (object?)m.DatasetName ?? DBNull.Value;
            command.Parameters[8].Value = (object?)m.DatasetDigest ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

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
