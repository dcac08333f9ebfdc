using System.Text.Json.Nodes;
using Cairn.Core.Datasets;
using Cairn.Data.Formats;
using Cairn.Data.Import;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>
/// <c>data.import</c>: imports a file as a dataset version (or picks an existing version) and outputs the
/// version's bytes as the <c>dataset</c> artifact. Its content hash is the version hash, so the cache
/// keys of every downstream step follow the data's content. Its own cache key follows what it reads:
/// the file's SHA-256 (a file edited in place is imported again), or the version a reference such as
/// <c>name@latest</c> resolves to now.
/// </summary>
public sealed class DataImportStep(MlServices services) : IStep, ICacheKeyContributor
{
    /// <summary>External identity of the <c>path</c> file: <c>sha256:&lt;hex&gt;</c> or <c>missing</c>.</summary>
    public const string PathIdentity = "path";

    /// <summary>External identity of a <c>dataset: name@version|latest</c> reference: <c>name@hash</c> or <c>none</c>.</summary>
    public const string DatasetIdentity = "dataset";

    /// <summary>The reserved run param holding the directory of the submitted pipeline file (set by <c>cairn run</c>).</summary>
    public const string WorkingDirectoryParam = "cairn.working_directory";

    public string Kind => "data.import";

    public string CodeVersion => "1";

    public StepConfigSchema Schema { get; } = new(
    [
        new ConfigField("dataset", ConfigType.String, Required: true, "dataset name to import into, or name@version|latest to use an imported version"),
        new ConfigField("path", ConfigType.String, Description: "file to import (relative to the pipeline file's directory)"),
        new ConfigField("format", ConfigType.String, Description: "csv, parquet or jsonl (default: from the file name)"),
    ]);

    public Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken) => MlStepRunner.GuardAsync(async () =>
    {
        var dataset = MlConfig.RequiredString(context.Config, "dataset");
        var path = MlConfig.String(context.Config, "path");
        DatasetVersion version;
        if (path is { Length: > 0 })
        {
            var full = ResolvePath(path, context.Params);
            version = (await services.Datasets.ImportFileAsync(
                new ImportRequest { Name = dataset, Format = MlConfig.String(context.Config, "format"), FileName = full, SourceUri = path },
                full, cancellationToken)).Version;
            // The key was computed from the file's hash before the import read it: a file edited in between
            // must not be stored under the old key (a retry computes a new one).
            if (context.ExternalIdentities.TryGetValue(PathIdentity, out var keyed) && keyed.StartsWith("sha256:", StringComparison.Ordinal)
                && !string.Equals(keyed["sha256:".Length..], version.Version, StringComparison.OrdinalIgnoreCase))
            {
                return StepResult.Failure($"{path} changed while it was imported (its hash is no longer the one the cache key was computed from); run again");
            }

            context.Log($"imported {path} as {version.Name}@{version.Version} ({version.RowCount} rows)");
        }
        else
        {
            if (!dataset.Contains('@', StringComparison.Ordinal))
            {
                return StepResult.Failure("with.path is required unless with.dataset names a version (name@version or name@latest)");
            }

            version = await services.Datasets.GetAsync(dataset, includeProfile: false, cancellationToken);
            context.Log($"using {version.Name}@{version.Version} ({version.RowCount} rows)");
        }

        var target = Path.Combine(context.OutputDirectory, $"{version.Name}.{DataFormats.Extension(DataFormats.Parse(version.Format))}");
        await using (var source = await services.Datasets.OpenAsync(version, cancellationToken))
        await using (var file = File.Create(target))
        {
            await source.CopyToAsync(file, cancellationToken);
        }

        context.ReportMetric("rows", version.RowCount);
        context.DeclareOutput("dataset", target, MlArtifacts.DatasetType, new JsonObject
        {
            ["name"] = version.Name,
            ["version"] = version.Version,
            ["format"] = version.Format,
            ["row_count"] = version.RowCount,
            [MlArtifacts.DatasetVersionsKey] = MlArtifacts.ToArray([version.Version]),
        }.ToJsonString());
        return StepResult.Success;
    });

    public async ValueTask<IReadOnlyDictionary<string, string>> ExternalIdentityAsync(CacheKeyInput input, CancellationToken cancellationToken)
    {
        var identities = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = input.Config["path"] is System.Text.Json.Nodes.JsonValue p && p.TryGetValue<string>(out var text) ? text : null;
        if (path is { Length: > 0 })
        {
            if (!ExternalState.IsOutputReference(path))
            {
                identities[PathIdentity] = await ExternalState.ContentIdentityAsync(ResolvePath(path, input.Params), cancellationToken);
            }
        }
        else if (input.Config["dataset"] is System.Text.Json.Nodes.JsonValue d && d.TryGetValue<string>(out var dataset) && dataset.Contains('@', StringComparison.Ordinal))
        {
            identities[DatasetIdentity] = await ExternalState.DatasetAsync(services, dataset, cancellationToken);
        }

        return identities;
    }

    /// <summary>
    /// A relative path is resolved against the submitted pipeline file's directory when the run has it,
    /// which works when the server can read that directory (the embedded, local mode).
    /// </summary>
    internal static string ResolvePath(string path, IReadOnlyDictionary<string, string> parameters)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        return parameters.TryGetValue(WorkingDirectoryParam, out var directory) && directory.Length > 0
            ? Path.GetFullPath(path, directory)
            : Path.GetFullPath(path);
    }
}
