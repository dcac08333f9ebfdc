using Parquet;
using Parquet.Schema;

namespace Cairn.Serving.PredictionLog;

/// <summary>Reading one segment: prune row groups by timestamp statistics, filter rows, decode only the asked columns.</summary>
public sealed partial class PredictionLogReader
{
    private static async Task ReadSegmentAsync(string path, RowAccumulator rows, long from, long to, CancellationToken ct)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            // Removed by retention between listing and opening: nothing to read.
            return;
        }

        await using var _ = file;
        await using var reader = await ParquetReader.CreateAsync(file, cancellationToken: ct);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var query = rows.Query;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var timestampField = fields[PredictionLogLayout.Timestamp];
            if (group.GetStatistics(timestampField) is { MinValue: long min, MaxValue: long max } && (max < from || min >= to))
            {
                continue;
            }

            var n = checked((int)group.RowCount);
            var timestamps = await ReadAsync<long>(group, timestampField, n, ct);
            var variants = await ReadStringsAsync(group, fields[PredictionLogLayout.Variant], n, ct);
            var shadow = await ReadAsync<bool>(group, fields[PredictionLogLayout.Shadow], n, ct);
            var selected = new List<int>();
            for (var r = 0; r < n; r++)
            {
                if (timestamps[r] >= from && timestamps[r] < to
                    && (query.IncludeShadow || !shadow[r])
                    && (query.Variant is null || string.Equals(query.Variant, variants[r], StringComparison.Ordinal)))
                {
                    selected.Add(r);
                }
            }

            if (selected.Count == 0)
            {
                continue;
            }

            rows.AddFixed(selected, timestamps, variants, shadow, await ReadStringsAsync(group, fields[PredictionLogLayout.RequestId], n, ct));
            var outputs = query.Outputs;
            if (outputs.HasFlag(PredictionOutputs.Model))
            {
                rows.AddModels(selected, await ReadStringsAsync(group, fields[PredictionLogLayout.Model], n, ct), await ReadAsync<long>(group, fields[PredictionLogLayout.Version], n, ct));
            }

            if (outputs.HasFlag(PredictionOutputs.Label))
            {
                rows.AddLabels(selected, await ReadStringsAsync(group, fields[PredictionLogLayout.Label], n, ct));
            }

            if (outputs.HasFlag(PredictionOutputs.Score))
            {
                rows.AddScores(selected, await ReadAsync<double>(group, fields[PredictionLogLayout.Score], n, ct));
            }

            if (outputs.HasFlag(PredictionOutputs.Probabilities))
            {
                rows.AddProbabilities(selected, await ReadStringsAsync(group, fields[PredictionLogLayout.Probabilities], n, ct));
            }

            if (outputs.HasFlag(PredictionOutputs.Latency))
            {
                rows.AddLatencies(selected, await ReadAsync<long>(group, fields[PredictionLogLayout.LatencyMicros], n, ct));
            }

            await ReadFeaturesAsync(group, fields, rows, selected, n, ct);
            rows.EndGroup(selected.Count);
        }
    }

    private static async Task ReadFeaturesAsync(ParquetRowGroupReader group, Dictionary<string, DataField> fields, RowAccumulator rows, List<int> selected, int n, CancellationToken ct)
    {
        var wanted = rows.Query.Features ?? [.. fields.Keys.Where(k => !PredictionLogLayout.Reserved.Contains(k)).Select(PredictionLogLayout.FeatureName)];
        foreach (var name in wanted)
        {
            if (!fields.TryGetValue(PredictionLogLayout.FeatureColumn(name), out var field))
            {
                continue;
            }

            var feature = rows.Feature(name);
            var type = field.ClrType;
            if (type == typeof(double))
            {
                feature.AppendNumbers(await ReadNullableAsync<double>(group, field, n, ct), selected);
            }
            else if (type == typeof(bool))
            {
                feature.AppendBooleans(await ReadNullableAsync<bool>(group, field, n, ct), selected);
            }
            else if (type == typeof(DateTime))
            {
                feature.AppendTimes(await ReadNullableAsync<DateTime>(group, field, n, ct), selected);
            }
            else if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
            {
                feature.AppendStrings(await ReadStringsAsync(group, field, n, ct), selected);
            }
            else
            {
                // Not a type this log writes: keep the column aligned with the other rows.
                feature.AppendMissing(selected.Count);
            }
        }
    }

    private static async Task<T[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int n, CancellationToken ct)
        where T : struct
    {
        var values = new T[n];
        await group.ReadAsync<T>(field, values.AsMemory(), null, ct);
        return values;
    }

    private static async Task<T?[]> ReadNullableAsync<T>(ParquetRowGroupReader group, DataField field, int n, CancellationToken ct)
        where T : struct
    {
        var values = new T?[n];
        await group.ReadAsync<T>(field, values.AsMemory(), null, ct);
        return values;
    }

    private static async Task<string?[]> ReadStringsAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken ct)
    {
        var values = new string?[n];
        await group.ReadAsync(field, values.AsMemory(), null, ct);
        return values;
    }
}
