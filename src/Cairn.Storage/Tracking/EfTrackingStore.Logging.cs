using System.Data.Common;
using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tracking;

public sealed partial class EfTrackingStore
{
    private const string UpsertLatestMetricsSql = """
        ON CONFLICT ("RunId", "Key") DO UPDATE SET
            "Value" = excluded."Value", "IsNaN" = excluded."IsNaN", "Timestamp" = excluded."Timestamp", "Step" = excluded."Step"
        WHERE excluded."Step" > latest_metrics."Step"
           OR (excluded."Step" = latest_metrics."Step" AND excluded."Timestamp" >= latest_metrics."Timestamp")
        """;

    private const string UpsertTagSql = """
        INSERT INTO run_tags ("RunId", "Key", "Value") VALUES (@run, @key, @value)
        ON CONFLICT ("RunId", "Key") DO UPDATE SET "Value" = excluded."Value"
        """;

    /// <summary>
    /// Writes a batch in one transaction: every check (run active, params unchanged) happens before the
    /// first write, so a rejected batch writes nothing. This is the hot path of log-metric and log-batch,
    /// hence plain prepared statements instead of change tracking.
    /// </summary>
    public async Task LogBatchAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);

        var stage = await ScalarAsync(connection, tx, """SELECT "LifecycleStage" FROM runs WHERE "RunId" = @run""", cancellationToken, ("run", batch.RunId))
            ?? throw CairnException.NotFound($"Run with id={batch.RunId} not found");
        EnsureActive(batch.RunId, (string)stage);

        var newParams = await CheckParamsAsync(connection, tx, batch, cancellationToken);
        await InsertParamsAsync(connection, tx, batch.RunId, newParams, cancellationToken);
        await UpsertTagsAsync(connection, tx, batch.RunId, batch.Tags, cancellationToken);
        if (batch.Metrics.Count > 0)
        {
            await MetricHistoryWriter.WriteAsync(connection, tx, batch.RunId, batch.Metrics, factory.IsPostgres, cancellationToken);
            await UpsertLatestMetricsAsync(connection, tx, batch.RunId, batch.Metrics, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Params are immutable: the same value again is fine, a different one rejects the batch.</summary>
    private static async Task<List<KeyValue>> CheckParamsAsync(DbConnection connection, DbTransaction tx, LogBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Params.Count == 0)
        {
            return [];
        }

        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = Command(connection, tx, """SELECT "Key", "Value" FROM params WHERE "RunId" = @run""", ("run", batch.RunId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                existing[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var fresh = new List<KeyValue>();
        foreach (var param in batch.Params)
        {
            if (existing.TryGetValue(param.Key, out var old))
            {
                if (old != param.Value)
                {
                    throw CairnException.InvalidParameter(
                        $"Changing param values is not allowed. Param with key='{param.Key}' was already logged with value='{old}' " +
                        $"for run ID='{batch.RunId}'. Attempted logging new value '{param.Value}'.");
                }

                continue;
            }

            existing[param.Key] = param.Value;
            fresh.Add(param);
        }

        return fresh;
    }

    private static async Task InsertParamsAsync(DbConnection connection, DbTransaction tx, string runId, List<KeyValue> parameters, CancellationToken cancellationToken)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        await using var command = Command(connection, tx, """INSERT INTO params ("RunId", "Key", "Value") VALUES (@run, @key, @value)""",
            ("run", runId), ("key", ""), ("value", ""));
        foreach (var param in parameters)
        {
            command.Parameters[1].Value = param.Key;
            command.Parameters[2].Value = param.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task UpsertTagsAsync(DbConnection connection, DbTransaction tx, string runId, IReadOnlyList<KeyValue> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return;
        }

        await using var command = Command(connection, tx, UpsertTagSql, ("run", runId), ("key", ""), ("value", ""));
        foreach (var tag in tags)
        {
            command.Parameters[1].Value = tag.Key;
            command.Parameters[2].Value = tag.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (tag.Key == RunNameTag)
            {
                await using var rename = Command(connection, tx, """UPDATE runs SET "Name" = @name WHERE "RunId" = @run""", ("name", tag.Value), ("run", runId));
                await rename.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>One upsert per key, with the batch's own latest point, keeps the latest_metrics table exact.</summary>
    private async Task UpsertLatestMetricsAsync(DbConnection connection, DbTransaction tx, string runId, IReadOnlyList<Metric> metrics, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var m in metrics)
        {
            if (!latest.TryGetValue(m.Key, out var best) || m.Step > best.Step || (m.Step == best.Step && m.Timestamp >= best.Timestamp))
            {
                latest[m.Key] = m;
            }
        }

        if (!factory.IsPostgres)
        {
            await SqliteJsonRows.ExecuteAsync(connection, tx, SqliteJsonRows.UpsertLatestSql + "\n" + UpsertLatestMetricsSql, runId, latest.Values, cancellationToken);
            return;
        }

        await MultiRowInsert.ExecuteAsync(connection, tx,
            """INSERT INTO latest_metrics ("RunId", "Key", "Value", "IsNaN", "Timestamp", "Step") VALUES""", 6, "\n" + UpsertLatestMetricsSql,
            latest.Values.ToList(), (m, v) =>
            {
                v[0] = runId;
                v[1] = m.Key;
                v[2] = double.IsNaN(m.Value) ? 0d : m.Value;
                v[3] = double.IsNaN(m.Value);
                v[4] = m.Timestamp;
                v[5] = m.Step;
            }, cancellationToken);
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return command;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DBNull ? null : result;
    }
}
