using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Paging;
using Cairn.Core.Tracking;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tracking;

public sealed partial class EfTrackingStore
{
    /// <summary>The tag through which MLflow clients name (and rename) runs.</summary>
    public const string RunNameTag = "mlflow.runName";

    public async Task<Run> CreateRunAsync(NewRun run, CancellationToken cancellationToken)
    {
        var experimentId = ParseExperimentId(run.ExperimentId);
        await using var db = factory.Create();
        var experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
            ?? throw CairnException.NotFound($"No Experiment with id={run.ExperimentId} exists");
        if (experiment.LifecycleStage != LifecycleStage.Active)
        {
            throw CairnException.InvalidParameter(
                $"The experiment {run.ExperimentId} must be in the 'active' state. Current state is {experiment.LifecycleStage}.");
        }

        var runId = Ids.NewRunId();
        var name = run.RunName ?? throw new ArgumentException("The service names every run.", nameof(run));
        var tags = run.Tags.Where(t => t.Key != RunNameTag).DistinctBy(t => t.Key)
            .Append(new KeyValue(RunNameTag, name))
            .Select(t => new RunTagEntity { RunId = runId, Key = t.Key, Value = t.Value })
            .ToList();
        var entity = new RunEntity
        {
            RunId = runId,
            ExperimentId = experimentId,
            Name = name,
            UserId = run.UserId,
            Status = (int)RunStatus.Running,
            StartTime = run.StartTime ?? Now,
            ArtifactUri = $"{experiment.ArtifactLocation.TrimEnd('/')}/{runId}/artifacts",
            LifecycleStage = LifecycleStage.Active,
            Tags = tags,
        };
        db.Runs.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new Run { Info = entity.ToInfo(), Tags = tags.Select(t => new KeyValue(t.Key, t.Value)).ToList() };
    }

    public async Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var entity = await db.Runs
            .Include(r => r.Params)
            .Include(r => r.Tags)
            .Include(r => r.LatestMetrics)
            .Include(r => r.DatasetInputs).ThenInclude(i => i.Dataset)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.RunId == runId, cancellationToken)
            ?? throw CairnException.NotFound($"Run with id={runId} not found");
        var modelInputs = await db.RunModelInputs.Where(m => m.RunId == runId).Select(m => m.ModelId).ToListAsync(cancellationToken);
        var modelOutputs = await db.RunModelOutputs.Where(m => m.RunId == runId).Select(m => new ModelOutput(m.ModelId, m.Step)).ToListAsync(cancellationToken);
        return ToRun(entity, modelInputs, modelOutputs);
    }

    public async Task<RunInfo> UpdateRunAsync(RunUpdate update, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = await FindRunAsync(db, update.RunId, cancellationToken);
        EnsureActive(update.RunId, entity.LifecycleStage);
        if (update.Status is { } status)
        {
            entity.Status = (int)status;
        }

        if (update.EndTime is { } endTime)
        {
            entity.EndTime = endTime;
        }

        if (update.RunName is { Length: > 0 } name)
        {
            entity.Name = name;
            await UpsertTagAsync(db, update.RunId, RunNameTag, name, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return entity.ToInfo();
    }

    public async Task SetRunLifecycleAsync(string runId, string lifecycleStage, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var entity = await FindRunAsync(db, runId, cancellationToken);
        entity.LifecycleStage = lifecycleStage;
        entity.DeletedTime = lifecycleStage == LifecycleStage.Deleted ? Now : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteRunTagAsync(string runId, string key, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var entity = await FindRunAsync(db, runId, cancellationToken);
        EnsureActive(runId, entity.LifecycleStage);
        var deleted = await db.RunTags.Where(t => t.RunId == runId && t.Key == key).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw CairnException.NotFound($"No tag with name: {key} in run with id {runId}");
        }
    }

    public async Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> datasets, IReadOnlyList<string> modelIds, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await FindRunAsync(db, runId, cancellationToken);
        EnsureActive(runId, run.LifecycleStage);
        foreach (var input in datasets)
        {
            var d = input.Dataset;
            var dataset = await db.Datasets.AsTracking().FirstOrDefaultAsync(
                x => x.ExperimentId == run.ExperimentId && x.Name == d.Name && x.Digest == d.Digest, cancellationToken);
            if (dataset is null)
            {
                dataset = new DatasetEntity
                {
                    ExperimentId = run.ExperimentId, Name = d.Name, Digest = d.Digest, SourceType = d.SourceType,
                    Source = d.Source, Schema = d.Schema, Profile = d.Profile,
                };
                db.Datasets.Add(dataset);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (!await db.RunDatasetInputs.AnyAsync(x => x.RunId == runId && x.DatasetId == dataset.Id, cancellationToken))
            {
                db.RunDatasetInputs.Add(new RunDatasetInputEntity
                {
                    RunId = runId,
                    DatasetId = dataset.Id,
                    Context = input.Tags.FirstOrDefault(t => t.Key == "mlflow.data.context")?.Value,
                    TagsJson = TrackingMapping.ToJson(input.Tags),
                });
            }
        }

        var known = await db.RunModelInputs.Where(m => m.RunId == runId).Select(m => m.ModelId).ToListAsync(cancellationToken);
        foreach (var modelId in modelIds.Distinct().Except(known))
        {
            db.RunModelInputs.Add(new RunModelInputEntity { RunId = runId, ModelId = modelId });
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task LogOutputsAsync(string runId, IReadOnlyList<ModelOutput> models, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await FindRunAsync(db, runId, cancellationToken);
        EnsureActive(runId, run.LifecycleStage);
        var known = await db.RunModelOutputs.Where(m => m.RunId == runId).Select(m => new { m.ModelId, m.Step }).ToListAsync(cancellationToken);
        foreach (var model in models.Distinct())
        {
            if (!known.Any(k => k.ModelId == model.ModelId && k.Step == model.Step))
            {
                db.RunModelOutputs.Add(new RunModelOutputEntity { RunId = runId, ModelId = model.ModelId, Step = model.Step });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<Page<Metric>> GetMetricHistoryAsync(string runId, string key, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var offset = PageToken.Decode(pageToken);
        await using var db = factory.Create();
        if (!await db.Runs.AnyAsync(r => r.RunId == runId, cancellationToken))
        {
            throw CairnException.NotFound($"Run with id={runId} not found");
        }

        var rows = await db.Metrics
            .Where(m => m.RunId == runId && m.Key == key)
            .OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ThenBy(m => m.Id)
            .Skip(offset)
            .Take(maxResults + 1)
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > maxResults;
        var items = rows.Take(maxResults).Select(m => m.ToDomain() with { RunId = runId }).ToList();
        return new Page<Metric>(items, hasMore ? PageToken.Encode(offset + maxResults) : null);
    }

    private static Run ToRun(RunEntity entity, IReadOnlyList<string> modelInputs, IReadOnlyList<ModelOutput> modelOutputs) => new()
    {
        Info = entity.ToInfo(),
        Metrics = entity.LatestMetrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.ToDomain()).ToList(),
        Params = entity.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValue(p.Key, p.Value)).ToList(),
        Tags = entity.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new KeyValue(t.Key, t.Value)).ToList(),
        DatasetInputs = entity.DatasetInputs.Select(i => i.ToDomain()).ToList(),
        ModelInputs = modelInputs,
        ModelOutputs = modelOutputs,
    };

    private static async Task UpsertTagAsync(MetadataContext db, string runId, string key, string value, CancellationToken cancellationToken)
    {
        var tag = await db.RunTags.AsTracking().FirstOrDefaultAsync(t => t.RunId == runId && t.Key == key, cancellationToken);
        if (tag is null)
        {
            db.RunTags.Add(new RunTagEntity { RunId = runId, Key = key, Value = value });
        }
        else
        {
            tag.Value = value;
        }
    }
}
