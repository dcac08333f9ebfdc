using Cairn.Core.Artifacts;
using Cairn.Core.Datasets;
using Cairn.Core.Errors;
using Cairn.Data.Formats;
using Cairn.Data.Profiling;
using Cairn.Data.Reading;
using Cairn.Data.Serialization;

namespace Cairn.Data.Import;

/// <summary>
/// Imports a file as a dataset version in one streaming pass: the bytes are hashed (SHA-256, the
/// version id), parsed, typed and profiled together. Only then is anything written: the file to the
/// artifact store at a content-addressed path (once, however many names share it), then the version
/// row. A malformed file therefore leaves nothing behind, and importing identical bytes again
/// returns the existing version.
/// </summary>
public sealed class DatasetImporter(IDatasetStore store, IArtifactStore artifacts, TimeProvider time, DatasetImportOptions? options = null)
{
    private readonly DatasetImportOptions _options = options ?? new DatasetImportOptions();

    /// <summary>Imports from a stream (an upload); it is spooled to a temporary file while it is read.</summary>
    public async Task<DatasetVersionWrite> ImportAsync(ImportRequest request, Stream content, CancellationToken cancellationToken)
    {
        var (name, format) = Check(request);
        var spoolPath = Path.Combine(_options.TempDirectory ?? Path.GetTempPath(), $"cairn-import-{Guid.NewGuid():N}.{DataFormats.Extension(format)}");
        try
        {
            ParseResult parsed;
            await using (var spool = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.Asynchronous))
            {
                await using var hashing = new HashingReadStream(content, spool, request.Progress, _options.MaxBytes);
                parsed = await ParseAsync(hashing, format, () => spoolPath, spool, cancellationToken);
            }

            return await StoreAsync(request, name, format, parsed, spoolPath, cancellationToken);
        }
        finally
        {
            File.Delete(spoolPath);
        }
    }

    /// <summary>Imports a local file (no spooling: it is read once to hash and profile, then copied into the store).</summary>
    public async Task<DatasetVersionWrite> ImportFileAsync(ImportRequest request, string path, CancellationToken cancellationToken)
    {
        var (name, format) = Check(request with { FileName = request.FileName ?? path });
        if (!File.Exists(path))
        {
            throw CairnException.InvalidParameter($"Invalid value '{path}' for parameter 'path': no such file.");
        }

        ParseResult parsed;
        await using (var file = OpenRead(path))
        {
            await using var hashing = new HashingReadStream(file, null, request.Progress, _options.MaxBytes);
            parsed = await ParseAsync(hashing, format, () => path, null, cancellationToken);
        }

        return await StoreAsync(request with { SourceUri = request.SourceUri ?? path }, name, format, parsed, path, cancellationToken);
    }

    private static (string Name, DataFormat Format) Check(ImportRequest request) =>
        (DatasetNames.ValidateName(request.Name), DataFormats.Resolve(request.Format, request.FileName));

    private async Task<ParseResult> ParseAsync(HashingReadStream hashing, DataFormat format, Func<string> localPath, Stream? spool, CancellationToken cancellationToken)
    {
        var profiler = new ProfileBuilder(_options.Profile);
        if (format == DataFormat.Parquet)
        {
            // Parquet needs random access: hash (and spool) everything first, then read the local copy.
            await hashing.DrainAsync(cancellationToken);
            if (spool is not null)
            {
                await spool.FlushAsync(cancellationToken);
            }

            await using var file = OpenRead(localPath());
            await RecordSource.ReadAsync(file, format, profiler, _options.Read, cancellationToken);
        }
        else
        {
            await RecordSource.ReadAsync(hashing, format, profiler, _options.Read, cancellationToken);
            await hashing.DrainAsync(cancellationToken);
        }

        var (schema, profile) = profiler.Finish();
        return new ParseResult(hashing.HashHex(), hashing.BytesRead, DataJson.Serialize(schema), DataJson.Serialize(profile), profile.RowCount, schema.Columns.Count);
    }

    private async Task<DatasetVersionWrite> StoreAsync(ImportRequest request, string name, DataFormat format, ParseResult parsed, string localPath, CancellationToken cancellationToken)
    {
        var artifactPath = $"datasets/{parsed.Hash}/data.{DataFormats.Extension(format)}";
        if (!await artifacts.ExistsAsync(artifactPath, cancellationToken))
        {
            await using var file = OpenRead(localPath);
            await artifacts.PutAsync(artifactPath, file, cancellationToken);
        }

        return await store.AddVersionAsync(new DatasetVersion
        {
            Name = name,
            Version = parsed.Hash,
            Format = DataFormats.Name(format),
            SourceUri = request.SourceUri ?? request.FileName,
            ArtifactPath = artifactPath,
            RowCount = parsed.Rows,
            ColumnCount = parsed.Columns,
            SizeBytes = parsed.Bytes,
            SchemaJson = parsed.Schema,
            ProfileJson = parsed.Profile,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        }, cancellationToken);
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private sealed record ParseResult(string Hash, long Bytes, string Schema, string Profile, long Rows, int Columns);
}
