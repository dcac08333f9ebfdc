using System.IO.Compression;
using System.Text.Json;
using Cairn.Core.Errors;

namespace Cairn.Training.Bundles;

public sealed partial class ModelBundle
{
    public const string ManifestFileName = "bundle.json";

    /// <summary>Writes the bundle as a zip to a stream.</summary>
    public async Task SaveAsync(Stream stream, CancellationToken cancellationToken)
    {
        // ML.NET's model writer is synchronous; the zip is built in memory and copied out asynchronously.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry(ManifestFileName, CompressionLevel.Optimal).Open())
            {
                JsonSerializer.Serialize(entry, Manifest, BundleJsonContext.Default.BundleManifest);
            }

            using var model = new MemoryStream();
            Payload.Write(model);
            // model.zip is already compressed; storing it again only costs time.
            var level = Payload.Flavor == ModelFlavor.MlNet ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
            using var modelEntry = zip.CreateEntry(Payload.EntryName, level).Open();
            model.Position = 0;
            model.CopyTo(modelEntry);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(stream, cancellationToken);
    }

    /// <summary>Writes the bundle to a file atomically: a reader sees the old file or the whole new one.</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = File.Create(temporary))
            {
                await SaveAsync(file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static async Task<ModelBundle> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await LoadAsync(file, cancellationToken);
    }

    /// <summary>Reads a bundle written by <see cref="SaveAsync(Stream, CancellationToken)"/>.</summary>
    public static async Task<ModelBundle> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
            var manifest = ReadManifest(zip);
            var payload = ReadPayload(zip, manifest.Flavor);
            return new ModelBundle(manifest, payload);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or FormatException)
        {
            throw CairnException.InvalidParameter($"Not a valid model bundle: {e.Message}");
        }
    }

    /// <summary>
    /// Reads only <c>bundle.json</c> (signature, task, metrics) of a bundle, without loading the model:
    /// for pages and tools that describe a model version.
    /// </summary>
    public static async Task<BundleManifest> ReadManifestAsync(Stream stream, CancellationToken cancellationToken)
    {
        // A seekable stream (a file) is read in place: only the zip directory and bundle.json, not the model.
        Stream source = stream;
        if (!stream.CanSeek)
        {
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            source = buffer;
        }

        try
        {
            using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            return ReadManifest(zip);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or FormatException)
        {
            throw CairnException.InvalidParameter($"Not a valid model bundle: {e.Message}");
        }
        finally
        {
            if (!ReferenceEquals(source, stream))
            {
                await source.DisposeAsync();
            }
        }
    }

    private static BundleManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestFileName) ?? throw new InvalidDataException($"it has no {ManifestFileName}.");
        using var stream = entry.Open();
        var manifest = JsonSerializer.Deserialize(stream, BundleJsonContext.Default.BundleManifest)
            ?? throw new InvalidDataException($"{ManifestFileName} is empty.");
        return manifest.FormatVersion is > 0 and <= BundleManifest.CurrentFormatVersion
            ? manifest
            : throw new InvalidDataException(
                $"format version {manifest.FormatVersion} is not supported (this Cairn reads 1 to {BundleManifest.CurrentFormatVersion}).");
    }

    private static BundlePayload ReadPayload(ZipArchive zip, ModelFlavor flavor)
    {
        var name = flavor switch
        {
            ModelFlavor.MlNet => MlNetPayload.FileName,
            ModelFlavor.Onnx => OnnxPayload.FileName,
            _ => BaselinePayload.FileName,
        };
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"a {flavor} bundle must contain {name}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return flavor switch
        {
            ModelFlavor.MlNet => MlNetPayload.Read(copy),
            ModelFlavor.Onnx => new OnnxPayload(copy.ToArray()),
            _ => BaselinePayload.Read(copy),
        };
    }
}
