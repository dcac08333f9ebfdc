using Cairn.Core.Artifacts;
using Cairn.Core.Pipelines;
using Cairn.Data;
using Cairn.Data.Import;
using Cairn.Pipelines.Tests.Support;
using Cairn.Registry;
using Cairn.Testing;

namespace Cairn.Pipelines.Tests.Ml;

/// <summary>
/// Cache keys that follow what steps read from outside the pipeline: a file by path, a <c>name@latest</c>
/// dataset, a <c>compare_to</c> alias. Real files, real dataset store, real registry, real training.
/// </summary>
public sealed class ExternalStateCacheTests
{
    private const string Training = """
        name: weather
        steps:
          ingest:   { uses: data.import, with: { path: weather.csv, dataset: weather } }
          validate: { uses: data.validate, needs: [ingest], with: { label: weather } }
          split:    { uses: data.split, needs: [validate], with: { test_fraction: 0.25, seed: 7 } }
          train:    { uses: mlnet.train, needs: [split], with: { task: multiclass, label: weather, trainer: baseline } }
          evaluate:
            uses: model.evaluate
            needs: [train, split]
            with: { gates: [ { metric: accuracy, compare_to: "alias:champion", model: weather-model, max_drop: 1 } ] }
          register: { uses: model.register, needs: [train, evaluate], with: { model: weather-model } }
        """;

    private static readonly string[] Steps = ["ingest", "validate", "split", "train", "evaluate", "register"];

    [Fact]
    public async Task EditingTheImportedFileInPlace_RerunsImportAndEverythingDownstream_UnchangedFile_IsAllCached()
    {
        using var home = new TempDirectory("cairn-pl");
        using var work = new TempDirectory("cairn-pl-data");
        var csv = SeattleWeather.CopyTo(work.Path);
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());

        var first = await RunAsync(host, Training, work.Path);
        Assert.All(Steps, s => Assert.Equal(ExecutionState.Complete, first.States()[s]));
        var unchanged = await RunAsync(host, Training, work.Path);
        Assert.All(Steps, s => Assert.Equal(ExecutionState.Cached, unchanged.States()[s]));

        // Same size and the old modification time: only the content tells the edit apart.
        var stamp = File.GetLastWriteTimeUtc(csv);
        var text = await File.ReadAllTextAsync(csv);
        var edited = text.Replace("2015-12-31,0.0,5.6,-2.1,3.5,sun", "2015-12-31,0.0,5.6,-2.1,3.5,fog", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        await File.WriteAllTextAsync(csv, edited);
        File.SetLastWriteTimeUtc(csv, stamp);

        var afterEdit = await RunAsync(host, Training, work.Path);
        Assert.All(Steps, s => Assert.Equal(ExecutionState.Complete, afterEdit.States()[s]));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(csv)));
        Assert.Equal("sha256:" + hash, afterEdit.Latest("ingest").Outputs.Single().Artifact.ContentHash);
        Assert.Contains($"cache key: path = sha256:{hash}", afterEdit.Latest("ingest").Log);
        Assert.NotEqual(first.Latest("train").CacheKey, afterEdit.Latest("train").CacheKey);

        var again = await RunAsync(host, Training, work.Path);
        Assert.All(Steps, s => Assert.Equal(ExecutionState.Cached, again.States()[s]));
        Assert.Equal(afterEdit.Latest("train").Outputs.Single().Artifact.Id, again.Latest("train").Outputs.Single().Artifact.Id);
    }

    [Fact]
    public async Task MovingTheChampionAlias_RerunsEvaluateAndRegister_ButNotTraining()
    {
        using var home = new TempDirectory("cairn-pl");
        using var work = new TempDirectory("cairn-pl-data");
        SeattleWeather.CopyTo(work.Path);
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        var registry = host.Get<RegistryService>();

        var first = await RunAsync(host, Training, work.Path);
        Assert.Contains("cache key: gates[0].compare_to = none", first.Latest("evaluate").Log);
        Assert.Equal(ExecutionState.Cached, (await RunAsync(host, Training, work.Path)).States()["evaluate"]);

        await registry.SetAliasAsync("weather-model", "champion", "1", CancellationToken.None);
        var second = await RunAsync(host, Training, work.Path);
        AssertStates(second, cached: ["ingest", "validate", "split", "train"], ran: ["evaluate", "register"]);
        Assert.Contains("cache key: gates[0].compare_to = weather-model version 1", second.Latest("evaluate").Log);
        // The report names the compared version: that is why register (which reads it) re-ran.
        await using (var report = await host.Get<IArtifactStore>().OpenReadAsync(second.Latest("evaluate").Outputs.Single().Artifact.Uri, CancellationToken.None))
        {
            Assert.NotNull(report);
            Assert.Contains("for weather-model alias:champion", await new StreamReader(report).ReadToEndAsync());
        }

        Assert.Contains("(version 1)", second.Latest("evaluate").Log);
        Assert.Equal(first.Latest("train").Outputs.Single().Artifact.Id, second.Latest("train").Outputs.Single().Artifact.Id);

        var unchanged = await RunAsync(host, Training, work.Path);
        Assert.All(Steps, s => Assert.Equal(ExecutionState.Cached, unchanged.States()[s]));

        // Move the alias to the version the second run registered.
        await registry.SetAliasAsync("weather-model", "champion", "2", CancellationToken.None);
        var moved = await RunAsync(host, Training, work.Path);
        AssertStates(moved, cached: ["ingest", "validate", "split", "train"], ran: ["evaluate", "register"]);
        Assert.Contains("cache key: gates[0].compare_to = weather-model version 2", moved.Latest("evaluate").Log);
    }

    [Fact]
    public async Task ADatasetAtLatest_FollowsTheNewestImportedVersion()
    {
        using var home = new TempDirectory("cairn-pl");
        using var work = new TempDirectory("cairn-pl-data");
        var csv = SeattleWeather.CopyTo(work.Path);
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        var datasets = host.Get<DatasetService>();
        await datasets.ImportFileAsync(new ImportRequest { Name = "daily", FileName = csv }, csv, CancellationToken.None);
        const string yaml = """
            name: latest
            steps:
              ingest: { uses: data.import, with: { dataset: "daily@latest" } }
              check:  { uses: data.validate, needs: [ingest], with: { reference: "daily@latest" } }
            """;

        var first = await RunAsync(host, yaml, work.Path);
        Assert.Equal(ExecutionState.Complete, first.States()["ingest"]);
        Assert.Equal(ExecutionState.Cached, (await RunAsync(host, yaml, work.Path)).States()["ingest"]);

        // A new version: the last 100 days dropped.
        var lines = await File.ReadAllLinesAsync(csv);
        await File.WriteAllLinesAsync(csv, lines[..^100]);
        var second = (await datasets.ImportFileAsync(new ImportRequest { Name = "daily", FileName = csv }, csv, CancellationToken.None)).Version;
        var rerun = await RunAsync(host, yaml, work.Path);
        Assert.Equal(ExecutionState.Complete, rerun.States()["ingest"]);
        Assert.Equal(ExecutionState.Complete, rerun.States()["check"]);
        Assert.Equal("sha256:" + second.Version, rerun.Latest("ingest").Outputs.Single().Artifact.ContentHash);
        Assert.Contains($"cache key: dataset = daily@{second.Version}", rerun.Latest("ingest").Log);
        Assert.Contains($"cache key: reference = daily@{second.Version}", rerun.Latest("check").Log);
    }

    private static async Task<PipelineRunDetails> RunAsync(EngineHost host, string yaml, string workingDirectory)
    {
        var run = await host.WaitAsync((await host.SubmitAsync(yaml, workingDirectory: workingDirectory)).RunId, seconds: 120);
        Assert.True(run.Run.Status == PipelineRunStatus.Complete, run.Run.Error);
        return run;
    }

    private static void AssertStates(PipelineRunDetails run, string[] cached, string[] ran)
    {
        var states = run.States();
        Assert.All(cached, s => Assert.True(states[s] == ExecutionState.Cached, $"{s} is {states[s]}, expected CACHED"));
        Assert.All(ran, s => Assert.True(states[s] == ExecutionState.Complete, $"{s} is {states[s]}, expected COMPLETE"));
    }
}
