using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cairn.Core.Artifacts;
using Cairn.Core.Pipelines;
using Cairn.Pipelines.Steps;

namespace Cairn.Pipelines.Engine;

/// <summary>
/// Moves step outputs between the attempt's local directory and the artifact store. Outputs go to
/// attempt-scoped paths (<c>pipelines/{run}/{step}/{attempt}/{slot}/...</c>) that nothing else writes,
/// and become visible only when the execution's COMPLETE record (with its OUTPUT events) commits.
/// </summary>
public sealed class OutputPublisher(IArtifactStore artifacts)
{
    private readonly IArtifactStore _artifacts = artifacts;

    public async Task<IReadOnlyList<NewLineageArtifact>> PublishAsync(string runId, ExecutionInfo execution, IReadOnlyList<StepOutput> outputs, CancellationToken cancellationToken)
    {
        var published = new List<NewLineageArtifact>();
        var prefix = $"pipelines/{runId}/{execution.StepId}/{execution.Attempt.ToString(CultureInfo.InvariantCulture)}";
        foreach (var output in outputs)
        {
            var slotPrefix = $"{prefix}/{output.Slot}";
            if (File.Exists(output.LocalPath))
            {
                var uri = $"{slotPrefix}/{Path.GetFileName(output.LocalPath)}";
                var hash = await PutFileAsync(output.LocalPath, uri, cancellationToken);
                published.Add(new NewLineageArtifact(output.Slot, output.Type, uri, "sha256:" + hash, output.PropertiesJson));
            }
            else if (Directory.Exists(output.LocalPath))
            {
                // A directory's identity is the hash of its sorted (relative path, file hash) list.
                var manifest = new StringBuilder();
                foreach (var file in Directory.EnumerateFiles(output.LocalPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var relative = Path.GetRelativePath(output.LocalPath, file).Replace('\\', '/');
                    var hash = await PutFileAsync(file, $"{slotPrefix}/{relative}", cancellationToken);
                    manifest.Append(relative).Append('\0').Append(hash).Append('\n');
                }

                var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())));
                published.Add(new NewLineageArtifact(output.Slot, output.Type, slotPrefix, "sha256:" + digest, output.PropertiesJson));
            }
            else
            {
                throw new InvalidOperationException($"declared output '{output.Slot}' was not written (expected {Path.GetFileName(output.LocalPath)} in the step's output directory)");
            }
        }

        return published;
    }

    public async Task<bool> AllExistAsync(IReadOnlyList<ArtifactSlot> outputs, CancellationToken cancellationToken)
    {
        foreach (var output in outputs)
        {
            if (!await _artifacts.ExistsAsync(output.Artifact.Uri, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies an input artifact (file or directory) under <paramref name="root"/> and returns its local path.</summary>
    public async Task<string> MaterializeAsync(StepInput input, string root, CancellationToken cancellationToken)
    {
        var target = Path.Combine(root, input.Step, input.Slot);
        var entries = await _artifacts.ListAsync(input.Artifact.Uri, cancellationToken);
        if (entries is [{ IsDirectory: false } single] && single.Path == input.Artifact.Uri)
        {
            var file = Path.Combine(target, Path.GetFileName(single.Path));
            await CopyOutAsync(single.Path, file, cancellationToken);
            return file;
        }

        await CopyTreeAsync(input.Artifact.Uri, input.Artifact.Uri, target, cancellationToken);
        return target;
    }

    private async Task CopyTreeAsync(string root, string path, string target, CancellationToken cancellationToken)
    {
        foreach (var entry in await _artifacts.ListAsync(path, cancellationToken))
        {
            if (entry.IsDirectory)
            {
                await CopyTreeAsync(root, entry.Path, target, cancellationToken);
            }
            else
            {
                await CopyOutAsync(entry.Path, Path.Combine(target, entry.Path[(root.Length + 1)..]), cancellationToken);
            }
        }
    }

    private async Task CopyOutAsync(string path, string file, CancellationToken cancellationToken)
    {
        if (File.Exists(file))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var source = await _artifacts.OpenReadAsync(path, cancellationToken)
            ?? throw new InvalidOperationException($"input artifact '{path}' no longer exists in the artifact store");
        await using var destination = File.Create(file);
        await source.CopyToAsync(destination, cancellationToken);
    }

    private async Task<string> PutFileAsync(string file, string uri, CancellationToken cancellationToken)
    {
        string hash;
        await using (var read = File.OpenRead(file))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, cancellationToken));
        }

        await using (var read = File.OpenRead(file))
        {
            await _artifacts.PutAsync(uri, read, cancellationToken);
        }

        return hash;
    }
}
