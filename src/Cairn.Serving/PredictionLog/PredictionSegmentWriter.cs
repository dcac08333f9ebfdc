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
    public static async Task WriteAsync(string path, SegmentBuffer segment, CancellationToken cancellationToken)
    {
        var order = segment.TimeOrder();
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
        var featureFields = segment.Features.Select(Field).ToArray();
        var schema = new ParquetSchema([.. fixedFields, .. featureFields]);

        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await using (var writer = await ParquetWriter.CreateAsync(schema, file, cancellationToken: cancellationToken))
                {
                    using var group = writer.CreateRowGroup();
                    await WriteFixedAsync(group, fixedFields, segment, order, cancellationToken);
                    for (var i = 0; i < featureFields.Length; i++)
                    {
                        await WriteFeatureAsync(group, featureFields[i], segment.Features[i], segment.Count, order, cancellationToken);
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

    private static async Task WriteFixedAsync(ParquetRowGroupWriter group, DataField[] f, SegmentBuffer s, int[]? order, CancellationToken ct)
    {
        await group.WriteAsync(f[0], InOrder(s.RequestIds, order), null);
        await group.WriteAsync<long>(f[1], InOrder(s.Timestamps, order), null, null, ct);
        await group.WriteAsync(f[2], InOrder(s.Variants, order), null);
        await group.WriteAsync(f[3], InOrder(s.Models, order), null);
        await group.WriteAsync<long>(f[4], InOrder(s.Versions, order), null, null, ct);
        await group.WriteAsync<bool>(f[5], InOrder(s.Shadow, order), null, null, ct);
        await group.WriteAsync(f[6], InOrder(s.Labels, order), null);
        await group.WriteAsync<double>(f[7], InOrder(s.Scores, order), null, null, ct);
        await group.WriteAsync(f[8], InOrder(s.Probabilities, order), null);
        await group.WriteAsync<long>(f[9], InOrder(s.Latencies, order), null, null, ct);
    }

    private static T[] InOrder<T>(List<T> values, int[]? order)
    {
        if (order is null)
        {
            return [.. values];
        }

        var column = new T[order.Length];
        for (var r = 0; r < order.Length; r++)
        {
            column[r] = values[order[r]];
        }

        return column;
    }

    private static DataField Field(FeatureBuffer feature)
    {
        var name = PredictionLogLayout.FeatureColumn(feature.Name);
        return feature.Kind switch
        {
            FeatureKind.Number => new DataField<double?>(name),
            FeatureKind.Boolean => new DataField<bool?>(name),
            FeatureKind.Time => new DataField<DateTime?>(name),
            _ => new DataField<string>(name),
        };
    }

    private static async Task WriteFeatureAsync(ParquetRowGroupWriter group, DataField field, FeatureBuffer feature, int rows, int[]? order, CancellationToken ct)
    {
        switch (feature.Kind)
        {
            case FeatureKind.Number:
                await group.WriteAsync<double>(field, feature.Numbers(rows, order), null, null, ct);
                break;
            case FeatureKind.Boolean:
                await group.WriteAsync<bool>(field, feature.Booleans(rows, order), null, null, ct);
                break;
            case FeatureKind.Time:
                await group.WriteAsync<DateTime>(field, feature.Times(rows, order), null, null, ct);
                break;
            default:
                await group.WriteAsync(field, feature.Texts(rows, order), null);
                break;
        }
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
}
