using Cairn.Data.Csv;
using Cairn.Data.Formats;
using Cairn.Data.Json;
using Cairn.Data.ParquetFiles;

namespace Cairn.Data.Reading;

/// <summary>Reads any supported format into a sink; returns the number of data rows.</summary>
internal static class RecordSource
{
    public static async Task<long> ReadAsync(Stream stream, DataFormat format, IRecordSink sink, DataReadOptions? options, CancellationToken cancellationToken)
    {
        options ??= DataReadOptions.Default;
        switch (format)
        {
            case DataFormat.Csv:
                return await CsvRecordReader.ReadAsync(stream, sink, options.Csv, cancellationToken);
            case DataFormat.JsonLines:
                return await JsonRecordReader.ReadLinesAsync(stream, sink, options.MaxJsonBytes, cancellationToken);
            case DataFormat.Json:
                return await JsonRecordReader.ReadArrayAsync(stream, sink, options.MaxJsonBytes, cancellationToken);
            case DataFormat.Parquet when stream.CanSeek:
                return await ParquetRecordReader.ReadAsync(stream, sink, cancellationToken);
            case DataFormat.Parquet:
                // Parquet's footer is at the end, so a network stream is spooled to a local file first.
                var path = Path.Combine(options.TempDirectory ?? Path.GetTempPath(), $"cairn-parquet-{Guid.NewGuid():N}.parquet");
                await using (var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                    FileOptions.Asynchronous | FileOptions.DeleteOnClose))
                {
                    await stream.CopyToAsync(spool, cancellationToken);
                    spool.Position = 0;
                    return await ParquetRecordReader.ReadAsync(spool, sink, cancellationToken);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }
}
