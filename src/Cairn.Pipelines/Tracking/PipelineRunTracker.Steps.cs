using Cairn.Core;
using Cairn.Core.Artifacts;
using Cairn.Core.Pipelines;
using Cairn.Core.Tracking;

namespace Cairn.Pipelines.Tracking;

public sealed partial class PipelineRunTracker
{
    /// <summary>Outputs are copied into the tracked run only when every file is at most this big (reports, metrics, small models).</summary>
    public const long MaxCopiedFileBytes = 1024 * 1024;

    private const int MaxCopiedFiles = 50;

    /// <summary>
    /// Records a finished step attempt: tag <c>cairn.step.&lt;id&gt;</c> = its state, its metrics as
    /// <c>&lt;step&gt;.&lt;metric&gt;</c> and as plain <c>&lt;metric&gt;</c> (a CACHED step re-logs the metrics of the
    /// execution it reused), and its small outputs copied under <c>&lt;step&gt;/&lt;slot&gt;/</c> in the run's artifacts
    /// (for a FAILED step, the report it published).
    /// </summary>
    public async Task RecordStepAsync(PipelineRunInfo run, ExecutionInfo execution, CancellationToken cancellationToken)
    {
        if (run.TrackingRunId is not { } trackedId || !execution.State.IsFinished())
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var metrics = execution.Metrics
            .SelectMany(m => new[] { new Metric($"{execution.StepId}.{m.Key}", m.Value, now, 0), new Metric(m.Key, m.Value, now, 0) })
            .ToList();
        // The state tag goes alone first: an output tag the tracking rules reject must not take it down too.
        await tracking.LogBatchAsync(new LogBatch(trackedId, [], [], [new KeyValue(StepTagPrefix + execution.StepId, execution.State.ToWire())]), cancellationToken);
        // A FAILED execution has outputs only when it published its report (validation, evaluation): show those too.
        var tags = execution.State is ExecutionState.Complete or ExecutionState.Cached or ExecutionState.Failed
            ? execution.Outputs.Select(o => new KeyValue($"cairn.output.{execution.StepId}.{o.Slot}", o.Artifact.Uri)).ToList()
            : [];

        foreach (var chunk in metrics.Chunk(BatchSize))
        {
            await tracking.LogBatchAsync(new LogBatch(trackedId, chunk, [], []), cancellationToken);
        }

        foreach (var chunk in tags.Chunk(BatchSize))
        {
            await tracking.LogBatchAsync(new LogBatch(trackedId, [], [], chunk), cancellationToken);
        }

        if (execution.State.IsDone())
        {
            await LogDatasetInputsAsync(trackedId, execution, cancellationToken);
        }

        if (tags.Count > 0)
        {
            var tracked = await tracking.GetRunAsync(trackedId, cancellationToken);
            var root = ArtifactUri.RunPath(tracked.Info.ExperimentId, trackedId);
            foreach (var output in execution.Outputs)
            {
                await CopySmallOutputAsync(output, ArtifactPath.Combine(root, execution.StepId, output.Slot), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Dataset outputs (type <c>dataset</c> with <c>name</c> and <c>version</c> properties, as <c>data.import</c>
    /// writes them) become the tracked run's dataset inputs, so MLflow clients see which data the run used.
    /// </summary>
    private async Task LogDatasetInputsAsync(string trackedId, ExecutionInfo execution, CancellationToken cancellationToken)
    {
        var inputs = new List<DatasetInput>();
        foreach (var output in execution.Outputs.Where(o => o.Artifact.Type == "dataset"))
        {
            if (DatasetProperties.Read(output.Artifact.PropertiesJson) is not { } data)
            {
                continue;
            }

            // MLflow keeps dataset digests short (at most 36 characters); the full hash is in the source.
            var digest = data.Version.Length > 36 ? data.Version[..36] : data.Version;
            inputs.Add(new DatasetInput(
                new Dataset(data.Name, digest, "cairn", $"cairn-dataset:{data.Name}@{data.Version}") { Profile = data.Profile },
                [new KeyValue("mlflow.data.context", execution.StepId)]));
        }

        if (inputs.Count > 0)
        {
            await tracking.LogInputsAsync(trackedId, inputs, [], cancellationToken);
        }
    }

    private async Task CopySmallOutputAsync(ArtifactSlot output, string target, CancellationToken cancellationToken)
    {
        var files = new List<ArtifactEntry>();
        if (!await CollectAsync(output.Artifact.Uri, files, cancellationToken))
        {
            return;
        }

        foreach (var file in files)
        {
            // A single-file output keeps its file name; a directory output keeps its relative layout.
            var relative = file.Path == output.Artifact.Uri ? file.Path[(file.Path.LastIndexOf('/') + 1)..] : file.Path[(output.Artifact.Uri.Length + 1)..];
            await using var source = await artifacts.OpenReadAsync(file.Path, cancellationToken);
            if (source is not null)
            {
                await artifacts.PutAsync(ArtifactPath.Combine(target, relative), source, cancellationToken);
            }
        }
    }

    /// <summary>Lists the files under <paramref name="path"/>; false as soon as the output is too big to copy.</summary>
    private async Task<bool> CollectAsync(string path, List<ArtifactEntry> files, CancellationToken cancellationToken)
    {
        foreach (var entry in await artifacts.ListAsync(path, cancellationToken))
        {
            if (entry.IsDirectory)
            {
                if (!await CollectAsync(entry.Path, files, cancellationToken))
                {
                    return false;
                }
            }
            else if (entry.Size is > MaxCopiedFileBytes || files.Count >= MaxCopiedFiles)
            {
                return false;
            }
            else
            {
                files.Add(entry);
            }
        }

        return true;
    }
}
