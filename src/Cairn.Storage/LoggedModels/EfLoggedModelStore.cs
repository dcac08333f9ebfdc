using Cairn.Core;
using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.LoggedModels;
using Cairn.Core.Tracking;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.LoggedModels;

/// <summary>MLflow 3.x logged models on EF Core (SQLite or PostgreSQL). Every call is one SaveChanges, hence atomic.</summary>
public sealed partial class EfLoggedModelStore(IMetadataContextFactory factory, TimeProvider time) : ILoggedModelStore
{
    public async Task<LoggedModel> CreateAsync(NewLoggedModel model, CancellationToken cancellationToken)
    {
        LoggedModelValidation.ValidateName(model.Name);
        LoggedModelValidation.ValidateModelType(model.ModelType);
        LoggedModelValidation.ValidateEntries(model.Tags, "tags", LoggedModelLimits.MaxTagValueLength, rejectDuplicates: true);
        LoggedModelValidation.ValidateEntries(model.Params, "params", LoggedModelLimits.MaxParamValueLength, rejectDuplicates: true);

        await using var db = factory.Create();
        var experiment = await FindExperimentAsync(db, model.ExperimentId, cancellationToken);
        if (experiment.LifecycleStage != LifecycleStage.Active)
        {
            throw CairnException.InvalidParameter(
                $"The experiment {model.ExperimentId} must be in the 'active' state. Current state is {experiment.LifecycleStage}.");
        }

        var id = Ids.NewLoggedModelId();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var entity = new LoggedModelEntity
        {
            ModelId = id,
            ExperimentId = experiment.Id,
            Name = string.IsNullOrEmpty(model.Name) ? GenerateName(id) : model.Name,
            ArtifactUri = ArtifactUri.Append(experiment.ArtifactLocation, $"models/{id}/artifacts"),
            Status = (int)LoggedModelStatus.Pending,
            ModelType = string.IsNullOrEmpty(model.ModelType) ? null : model.ModelType,
            SourceRunId = string.IsNullOrEmpty(model.SourceRunId) ? null : model.SourceRunId,
            CreationTimestampMs = now,
            LastUpdatedTimestampMs = now,
            LifecycleStage = LifecycleStage.Active,
            Tags = [.. model.Tags.Select(t => new LoggedModelTagEntity { ModelId = id, Key = t.Key, Value = t.Value })],
            Params = [.. model.Params.Select(p => new LoggedModelParamEntity { ModelId = id, Key = p.Key, Value = p.Value })],
        };
        db.LoggedModels.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return LoggedModelMapping.ToDomain(entity, []);
    }

    public async Task<LoggedModel> GetAsync(string modelId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var entity = await db.LoggedModels.AsSplitQuery().Include(m => m.Tags).Include(m => m.Params)
            .FirstOrDefaultAsync(m => m.ModelId == modelId && m.LifecycleStage == LifecycleStage.Active, cancellationToken)
            ?? throw NotFound(modelId);
        var metrics = await LoggedModelMapping.LoadLatestMetricsAsync(db, [modelId], cancellationToken);
        return LoggedModelMapping.ToDomain(entity, metrics.GetValueOrDefault(modelId, []));
    }

    public async Task<LoggedModel> FinalizeAsync(string modelId, LoggedModelStatus status, CancellationToken cancellationToken)
    {
        await using (var db = factory.Create())
        {
            var entity = await FindTrackedAsync(db, modelId, cancellationToken);
            entity.Status = (int)status;
            entity.LastUpdatedTimestampMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(modelId, cancellationToken);
    }

    public async Task DeleteAsync(string modelId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var entity = await FindTrackedAsync(db, modelId, cancellationToken);
        entity.LifecycleStage = LifecycleStage.Deleted;
        entity.LastUpdatedTimestampMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<LoggedModelEntity> FindTrackedAsync(MetadataContext db, string modelId, CancellationToken cancellationToken) =>
        await db.LoggedModels.AsTracking()
            .FirstOrDefaultAsync(m => m.ModelId == modelId && m.LifecycleStage == LifecycleStage.Active, cancellationToken)
        ?? throw NotFound(modelId);

    private static async Task<ExperimentEntity> FindExperimentAsync(MetadataContext db, string experimentId, CancellationToken cancellationToken)
    {
        ExperimentEntity? experiment = null;
        if (long.TryParse(experimentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        }

        return experiment ?? throw CairnException.NotFound($"No Experiment with id={experimentId} exists");
    }

    private static CairnException NotFound(string modelId) =>
        CairnException.NotFound($"Logged model with ID '{modelId}' not found.");

    // MLflow generates a random readable name; a name derived from the id is as unique and easier to trace.
    private static string GenerateName(string modelId) => "model-" + modelId[2..10];
}
