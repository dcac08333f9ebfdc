using Cairn.Core.Pipelines;
using Cairn.Storage.Tests.Registry;

namespace Cairn.Storage.Tests.Pipelines;

/// <summary>A dataset version's lineage: the executions that read or published an artifact naming it, on SQLite and PostgreSQL.</summary>
public abstract class DatasetVersionUsesContract : RegistryStoreTestBase
{
    private IPipelineStore Pipelines => Get<IPipelineStore>();

    [Fact]
    public async Task FindDatasetVersionUses_ListsProducersAndConsumers_NewestFirst_AndIgnoresOtherVersions()
    {
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var other = hash[..^1] + (hash[^1] == '0' ? '1' : '0');
        var version = await Pipelines.GetOrCreateVersionAsync("uses-" + hash[..8], hash, "spec", CancellationToken.None);
        var run = await Pipelines.CreateRunAsync(new NewPipelineRun(version.Id, new Dictionary<string, string>(), "manual", false), CancellationToken.None);

        var ingest = await CompleteAsync(run.RunId, "ingest", [], [new NewLineageArtifact("dataset", "dataset", "a/" + hash, hash, $"{{\"name\":\"w\",\"version\":\"{hash}\",\"dataset_versions\":[\"{hash}\"]}}")]);
        var produced = ingest.Outputs.Single().Artifact.Id;
        await CompleteAsync(run.RunId, "validate", [("data", produced)], [new NewLineageArtifact("report", "report", "a/report", "r1", $"{{\"passed\":true,\"dataset_versions\":[\"{hash}\"]}}")]);
        await CompleteAsync(run.RunId, "other", [], [new NewLineageArtifact("dataset", "dataset", "a/" + other, other, $"{{\"name\":\"w\",\"version\":\"{other}\",\"dataset_versions\":[\"{other}\"]}}")]);

        var uses = await Pipelines.FindDatasetVersionUsesAsync(hash, 100, CancellationToken.None);

        Assert.Equal(
            [("validate", LineageEventKind.Output, "report"), ("validate", LineageEventKind.Input, "data"), ("ingest", LineageEventKind.Output, "dataset")],
            uses.Select(u => (u.StepId, u.Kind, u.Slot)).OrderByDescending(u => u.StepId).ThenByDescending(u => u.Kind).ToList());
        Assert.All(uses, u => Assert.Equal((run.RunId, version.PipelineName, ExecutionState.Complete), (u.RunId, u.PipelineName, u.State)));
        Assert.Equal(uses.Select(u => u.ExecutionId).OrderByDescending(id => id), uses.Select(u => u.ExecutionId));
        Assert.Single(await Pipelines.FindDatasetVersionUsesAsync(hash, 1, CancellationToken.None));
        Assert.Empty(await Pipelines.FindDatasetVersionUsesAsync(hash[..12], 100, CancellationToken.None));
        Assert.Empty(await Pipelines.FindDatasetVersionUsesAsync("not-a-hash%", 100, CancellationToken.None));
    }

    private async Task<ExecutionInfo> CompleteAsync(string runId, string step, IReadOnlyList<(string Slot, long ArtifactId)> inputs, IReadOnlyList<NewLineageArtifact> outputs)
    {
        var execution = (await Pipelines.TryCreateExecutionAsync(runId, step, 1, ExecutionState.New, null, CancellationToken.None))!;
        Assert.True(await Pipelines.TryStartExecutionAsync(execution.Id, "w", null, CancellationToken.None));
        Assert.True(await Pipelines.CompleteExecutionAsync(execution.Id, inputs, outputs, null, null, CancellationToken.None));
        return (await Pipelines.GetExecutionAsync(execution.Id, CancellationToken.None))!;
    }
}

public sealed class SqliteDatasetVersionUsesTests : DatasetVersionUsesContract
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}

public sealed class PostgresDatasetVersionUsesTests : DatasetVersionUsesContract
{
    protected override Task<string?> DatabaseAsync() => Cairn.Testing.PostgresDatabases.CreateAsync("dsuses");
}
