using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Cairn.Core.Tracking;

namespace Cairn.Storage.Tracking;

/// <summary>
/// SQLite bulk path: a batch of metrics travels as ONE JSON parameter and is expanded by
/// <c>json_each</c> inside SQLite, so a 1,000-metric batch is one statement with one bound value.
/// (Wide multi-row VALUES statements are slow there: binding looks parameters up by name linearly.)
/// Non-finite values cannot be JSON numbers, so they travel as strings and are mapped back in SQL.
/// </summary>
internal static class SqliteJsonRows
{
    // Row layout: [key, value, isNaN, timestamp, step, modelId, datasetName, datasetDigest]
    private const string Value = """
        CASE json_type(j.value, '$[1]') WHEN 'text' THEN
            CASE json_extract(j.value, '$[1]') WHEN 'Infinity' THEN 9e999 ELSE -9e999 END
        ELSE json_extract(j.value, '$[1]') END
        """;

    public const string InsertHistorySql = $"""
        INSERT INTO metrics ("RunId", "Key", "Value", "IsNaN", "Timestamp", "Step", "ModelId", "DatasetName", "DatasetDigest")
        SELECT @run, json_extract(j.value, '$[0]'), {Value}, json_extract(j.value, '$[2]'), json_extract(j.value, '$[3]'),
               json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]'), json_extract(j.value, '$[6]'), json_extract(j.value, '$[7]')
        FROM json_each(@rows) AS j
        """;

    // "WHERE true" resolves SQLite's parsing ambiguity between INSERT ... SELECT and an upsert clause.
    public const string UpsertLatestSql = $"""
        INSERT INTO latest_metrics ("RunId", "Key", "Value", "IsNaN", "Timestamp", "Step")
        SELECT @run, json_extract(j.value, '$[0]'), {Value}, json_extract(j.value, '$[2]'), json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]')
        FROM json_each(@rows) AS j WHERE true
        """;

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, string runId, IEnumerable<Metric> metrics, CancellationToken cancellationToken)
    {
        await using var command = EfTrackingStore.Command(connection, tx, sql, ("run", runId), ("rows", Encode(metrics)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Encode(IEnumerable<Metric> metrics)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var m in metrics)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(m.Key);
                if (double.IsFinite(m.Value))
                {
                    writer.WriteNumberValue(m.Value);
                }
                else if (double.IsNaN(m.Value))
                {
                    writer.WriteNumberValue(0);
                }
                else
                {
                    writer.WriteStringValue(m.Value > 0 ? "Infinity" : "-Infinity");
                }

                writer.WriteNumberValue(double.IsNaN(m.Value) ? 1 : 0);
                writer.WriteNumberValue(m.Timestamp);
                writer.WriteNumberValue(m.Step);
                WriteNullable(writer, m.ModelId);
                WriteNullable(writer, m.DatasetName);
                WriteNullable(writer, m.DatasetDigest);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
