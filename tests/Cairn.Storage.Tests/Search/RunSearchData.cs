using Cairn.Core.Tracking;
using Cairn.Storage.Entities;

namespace Cairn.Storage.Tests.Search;

/// <summary>
/// A small, hand-checked set of runs (ids a..g in experiment 1, x in experiment 2) covering ties, NaN,
/// infinity, missing keys, mixed case, LIKE wildcards in values, null user/end time and a deleted run.
/// Default order (start_time DESC, run_id ASC) of the active runs in experiment 1 is g, d, c, b, f, a.
/// </summary>
internal static class RunSearchData
{
    public static readonly ExperimentEntity[] Experiments =
    [
        Experiment(1, "search-one"),
        Experiment(2, "search-two"),
    ];

    public static RunEntity[] Runs() =>
    [
        Run("a", "run-a", RunStatus.Finished, "alice", 1000, 2000,
            metrics: [("acc", 0.9), ("loss", 0.5)], parameters: [("lr", "0.1"), ("opt", "adam")],
            tags: [("stage", "test"), ("team", "Blue")], datasets: [(1, "training")]),
        Run("b", "run-b", RunStatus.Finished, "bob", 2000, 3000,
            metrics: [("acc", 0.95)], parameters: [("lr", "0.01"), ("opt", "sgd")],
            tags: [("stage", "prod"), ("team", "blue")], datasets: [(2, "eval")]),
        Run("c", "Run-C", RunStatus.Running, null, 3000, null,
            metrics: [("acc", double.NaN)], parameters: [("lr", "0.1"), ("opt", "adam")], datasets: [(3, null)]),
        Run("d", "run_d", RunStatus.Failed, "alice", 4000, 4500,
            metrics: [("loss", 0.1)], tags: [("stage", "test")]),
        Run("e", "run-e", RunStatus.Killed, "carol", 5000, 6000, deleted: true,
            metrics: [("acc", 0.99)], parameters: [("lr", "0.1")], tags: [("stage", "test")]),
        Run("f", "run-f", RunStatus.Finished, "alice", 2000, 2500,
            metrics: [("acc", 0.9)], parameters: [("lr", "0.2"), ("opt", "rmsprop")], tags: [("stage", "Test")]),
        Run("g", "50%_off", RunStatus.Scheduled, "dave", 6000, 7000,
            metrics: [("acc", double.PositiveInfinity)]),
        Run("x", "run-x", RunStatus.Finished, "alice", 1500, 1600, experimentId: 2,
            metrics: [("acc", 1.0)], parameters: [("lr", "0.1")]),
    ];

    public static readonly DatasetEntity[] Datasets =
    [
        new() { Id = 1, ExperimentId = 1, Name = "iris", Digest = "d1", SourceType = "local", Source = "iris.csv" },
        new() { Id = 2, ExperimentId = 1, Name = "iris", Digest = "d2", SourceType = "local", Source = "iris2.csv" },
        new() { Id = 3, ExperimentId = 1, Name = "wine", Digest = "d3", SourceType = "local", Source = "wine.csv" },
    ];

    public static ExperimentEntity Experiment(long id, string name, string stage = LifecycleStage.Active, long created = 0, long updated = 0) => new()
    {
        Id = id,
        Name = name,
        ArtifactLocation = $"mlflow-artifacts:/{id}",
        LifecycleStage = stage,
        CreationTime = created,
        LastUpdateTime = updated,
    };

    public static RunEntity Run(
        string id,
        string name,
        RunStatus status,
        string? user,
        long start,
        long? end,
        (string Key, double Value)[]? metrics = null,
        (string Key, string Value)[]? parameters = null,
        (string Key, string Value)[]? tags = null,
        (long DatasetId, string? Context)[]? datasets = null,
        bool deleted = false,
        long experimentId = 1) => new()
        {
            RunId = id,
            ExperimentId = experimentId,
            Name = name,
            UserId = user,
            Status = (int)status,
            StartTime = start,
            EndTime = end,
            ArtifactUri = $"mlflow-artifacts:/{experimentId}/{id}/artifacts",
            LifecycleStage = deleted ? LifecycleStage.Deleted : LifecycleStage.Active,
            LatestMetrics = [.. (metrics ?? []).Select(m => new LatestMetricEntity
            {
                RunId = id,
                Key = m.Key,
                Value = double.IsNaN(m.Value) ? 0 : m.Value,
                IsNaN = double.IsNaN(m.Value),
                Timestamp = start,
                Step = 0,
            })],
            Params = [.. (parameters ?? []).Select(p => new ParamEntity { RunId = id, Key = p.Key, Value = p.Value })],
            Tags = [.. (tags ?? []).Select(t => new RunTagEntity { RunId = id, Key = t.Key, Value = t.Value })],
            DatasetInputs = [.. (datasets ?? []).Select(d => new RunDatasetInputEntity
            {
                RunId = id,
                DatasetId = d.DatasetId,
                Context = d.Context,
                TagsJson = "[]",
            })],
        };
}
