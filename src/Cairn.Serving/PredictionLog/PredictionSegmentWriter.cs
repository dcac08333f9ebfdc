using System.Globalization;
using System.Runtime.CompilerServices;
using Cairn.Core.Serving;
using Parquet;
using Parquet.Schema;

namespace Cairn.Serving.PredictionLog;

/// <summary>
/// Writes one segment: records of one deployment and one UTC day, sorted by time, as one Parquet row
/// group with one typed column per input feature (double, bool, UTC DateTime or string; a feature
/// whose values mix types in the segment is written as invariant text) next to the fixed columns.
/// </summary>
internal static class PredictionSegmentWriter
{
    public static async Task WriteAsync(string path, IReadOnlyList<PredictionRecord> records, CancellationToken cancellationToken)
    {
        var features = FeatureColumns(records);
        var fixedFields = new DataField[]
        {
            new DataField<string>(PredictionLogLayout.RequestId),
            new DataField<long>(PredictionLogLayout.Timestamp),
            new DataField<string>(PredictionLogLayout.Variant),
            new DataField<string>(PredictionLogLayout.Model),
            new DataField<long>(PredictionLogLayout.Version),
            new DataField<bool>(PredictionLogLayout.Shadow),
            new DataField<string>(PredictionLogLayout.Label),
            new DataField<double>(PredictionLogLayout.Score),
            new DataField<string>(PredictionLogLayout.Probabilities),
            new DataField<long>(PredictionLogLayout.LatencyMicros),
        };
        var featureFields = features.Select(f => f.Field).ToArray();
        var schema = new ParquetSchema([.. fixedFields, .. featureFields]);

        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await using (var writer = await ParquetWriter.CreateAsync(schema, file, cancellationToken: cancellationToken))
                {
                    using var group = writer.CreateRowGroup();
                    await WriteFixedAsync(group, fixedFields, records, cancellationToken);
                    foreach (var feature in features)
                    {
                        await feature.WriteAsync(group, records, cancellationToken);
                    }
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static async Task WriteFixedAsync(ParquetRowGroupWriter group, DataField[] f, IReadOnlyList<PredictionRecord> r, CancellationToken ct)
    {
        await group.WriteAsync(f[0], r.Select(x => x.RequestId).ToArray(), null);
        await group.WriteAsync<long>(f[1], r.Select(x => x.Timestamp).ToArray(), null, null, ct);
        await group.WriteAsync(f[2], r.Select(x => x.Variant).ToArray(), null);
        await group.WriteAsync(f[3], r.Select(x => x.Model).ToArray(), null);
        await group.WriteAsync<long>(f[4], r.Select(x => x.Version).ToArray(), null, null, ct);
        await group.WriteAsync<bool>(f[5], r.Select(x => x.Shadow).ToArray(), null, null, ct);
        await group.WriteAsync(f[6], r.Select(x => x.Label).ToArray(), null);
        await group.WriteAsync<double>(f[7], r.Select(x => x.Score).ToArray(), null, null, ct);
        await group.WriteAsync(f[8], r.Select(x => FormatProbabilities(x.Probabilities)).ToArray(), null);
        await group.WriteAsync<long>(f[9], r.Select(x => x.LatencyMicros).ToArray(), null, null, ct);
    }

    /// <summary>A JSON array of numbers in shortest round-trip form: one flat string column any Parquet reader (and Cairn's dataset import) understands.</summary>
    internal static string? FormatProbabilities(IReadOnlyList<double>? probabilities)
    {
        if (probabilities is null)
        {
            return null;
        }

        // The default format is already the shortest round-trip form, and much cheaper than "R".
        Span<char> buffer = stackalloc char[512];
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, buffer);
        text.AppendLiteral("[");
        for (var i = 0; i < probabilities.Count; i++)
        {
            if (i > 0)
            {
                text.AppendLiteral(",");
            }

            text.AppendFormatted(probabilities[i]);
        }

        text.AppendLiteral("]");
        return text.ToStringAndClear();
    }

    private static List<FeatureColumn> FeatureColumns(IReadOnlyList<PredictionRecord> records)
    {
        var kinds = new Dictionary<string, FeatureKind>(StringComparer.Ordinal);
        var order = new List<string>();
        void See(string name, object? value)
        {
            var kind = KindOf(value);
            if (!kinds.TryGetValue(name, out var known))
            {
                kinds[name] = kind;
                order.Add(name);
            }
            else if (known != kind && kind != FeatureKind.Missing)
            {
                kinds[name] = known == FeatureKind.Missing ? kind : FeatureKind.Text;
            }
        }

        foreach (var record in records)
        {
            // The concrete dictionary's struct enumerator avoids an allocation per record.
            if (record.Inputs is Dictionary<string, object?> inputs)
            {
                foreach (var (name, value) in inputs)
                {
                    See(name, value);
                }
            }
            else
            {
                foreach (var (name, value) in record.Inputs)
                {
                    See(name, value);
                }
            }
        }

        return [.. order.Select(name => new FeatureColumn(name, kinds[name]))];
    }

    private static FeatureKind KindOf(object? value) => value switch
    {
        null => FeatureKind.Missing,
        double or float or long or int or short or byte or sbyte or uint or ulong or ushort or decimal => FeatureKind.Number,
        bool => FeatureKind.Boolean,
        DateTime or DateTimeOffset => FeatureKind.Time,
        _ => FeatureKind.Text,
    };

    private enum FeatureKind
    {
        Missing,
        Number,
        Boolean,
        Time,
        Text,
    }

    private sealed class FeatureColumn(string name, FeatureKind kind)
    {
        public DataField Field { get; } = kind switch
        {
            FeatureKind.Number => new DataField<double?>(PredictionLogLayout.FeatureColumn(name)),
            FeatureKind.Boolean => new DataField<bool?>(PredictionLogLayout.FeatureColumn(name)),
            FeatureKind.Time => new DataField<DateTime?>(PredictionLogLayout.FeatureColumn(name)),
            _ => new DataField<string>(PredictionLogLayout.FeatureColumn(name)),
        };

        public async Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<PredictionRecord> records, CancellationToken ct)
        {
            var values = records.Select(r => r.Inputs.TryGetValue(name, out var v) ? v : null);
            switch (kind)
            {
                case FeatureKind.Number:
                    await group.WriteAsync<double>(Field, values.Select(v => v switch { null => (double?)null, double d => d, _ => Convert.ToDouble(v, CultureInfo.InvariantCulture) }).ToArray(), null, null, ct);
                    break;
                case FeatureKind.Boolean:
                    await group.WriteAsync<bool>(Field, values.Select(v => (bool?)v).ToArray(), null, null, ct);
                    break;
                case FeatureKind.Time:
                    await group.WriteAsync<DateTime>(Field, values.Select(ToUtc).ToArray(), null, null, ct);
                    break;
                default:
                    await group.WriteAsync(Field, values.Select(ToText).ToArray(), null);
                    break;
            }
        }

        private static DateTime? ToUtc(object? value) => value switch
        {
            DateTime t => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime(),
            DateTimeOffset o => o.UtcDateTime,
            _ => null,
        };

        private static string? ToText(object? value) => value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            DateTime or DateTimeOffset => ToUtc(value)!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
