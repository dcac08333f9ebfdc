using System.Text.Json.Nodes;
using Cairn.Core.Datasets;
using Cairn.Data.Formats;
using Cairn.Data.Import;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>
/// <c>data.import</c>: imports a file as a dataset version (or picks an existing version) and outputs the
/// version's bytes as the <c>dataset</c> artifact. Its content hash is the version hash, so the cache
/// keys of every downstream step follow the data's content.
/// </summary>
public sealed class DataImportStep(MlServices services) : IStep
{
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
