using Cairn.Core.Artifacts;
using Cairn.Core.Datasets;
using Cairn.Core.Errors;
using Cairn.Data.Formats;
using Cairn.Data.Import;
using Cairn.Data.Reading;
using Cairn.Data.Serialization;
using Cairn.Data.Tables;
using Cairn.Data.Validation;

namespace Cairn.Data;

/// <summary>
/// The data area's entry point for the server and the pipeline steps: import, look up, open, read
/// and validate dataset versions over the metadata store and the artifact store.
/// </summary>
public sealed class DatasetService(IDatasetStore store, IArtifactStore artifacts, TimeProvider time, DatasetImportOptions? options = null)
{
    private readonly DatasetImporter _importer = new(store, artifacts, time, options);
    private readonly DatasetImportOptions _options = options ?? new DatasetImportOptions();

    public IDatasetStore Store => store;

    public Task<DatasetVersionWrite> ImportAsync(ImportRequest request, Stream content, CancellationToken cancellationToken) =>
        _importer.ImportAsync(request, content, cancellationToken);

    public Task<DatasetVersionWrite> ImportFileAsync(ImportRequest request, string path, CancellationToken cancellationToken) =>
        _importer.ImportFileAsync(request, path, cancellationToken);

    /// <summary>Resolves "name", "name@latest", "name@tag" or "name@hash-prefix".</summary>
    public Task<DatasetVersion> GetAsync(string reference, bool includeProfile, CancellationToken cancellationToken)
    {
        var (name, version) = DatasetNames.ParseReference(reference);
        return store.GetVersionAsync(name, version, includeProfile, cancellationToken);
    }

    /// <summary>Opens the stored bytes of a version.</summary>
    public async Task<Stream> OpenAsync(DatasetVersion version, CancellationToken cancellationToken) =>
        await artifacts.OpenReadAsync(version.ArtifactPath, cancellationToken)
        ?? throw new CairnException(ErrorCode.InvalidState, $"The data file of {version.Name}@{version.Version} is missing from the artifact store.");

    /// <summary>Reads a version into memory with its stored schema (so every reader sees the same types).</summary>
    public async Task<DataTable> ReadTableAsync(DatasetVersion version, CancellationToken cancellationToken)
    {
        await using var data = await OpenAsync(version, cancellationToken);
        return await TableReader.ReadAsync(data, DataFormats.Parse(version.Format), DataJson.ParseSchema(version.SchemaJson), _options.Read, cancellationToken);
    }

    public async Task<ValidationReport> ValidateAsync(DatasetVersion version, ValidationSchema schema, CancellationToken cancellationToken)
    {
        await using var data = await OpenAsync(version, cancellationToken);
        return await DatasetValidator.ValidateAsync(data, DataFormats.Parse(version.Format), schema, ValidationMode.Schema, "schema", _options.Read, cancellationToken);
    }

    /// <summary>Validates a version against another one (its types, categories, ranges and missing rates).</summary>
    public async Task<ValidationReport> ValidateAgainstAsync(DatasetVersion version, DatasetVersion reference, CancellationToken cancellationToken)
    {
        var expected = ValidationSchema.FromReference(
            DataJson.ParseSchema(reference.SchemaJson),
            reference.ProfileJson is { } profile ? DataJson.ParseProfile(profile) : null);
        await using var data = await OpenAsync(version, cancellationToken);
        return await DatasetValidator.ValidateAsync(data, DataFormats.Parse(version.Format), expected, ValidationMode.Reference,
            $"{reference.Name}@{reference.Version}", _options.Read, cancellationToken);
    }
}
