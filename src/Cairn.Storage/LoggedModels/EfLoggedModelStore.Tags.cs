using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.LoggedModels;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.LoggedModels;

public sealed partial class EfLoggedModelStore
{
    public async Task SetTagsAsync(string modelId, IReadOnlyList<KeyValue> tags, CancellationToken cancellationToken)
    {
        LoggedModelValidation.ValidateEntries(tags, "tags", LoggedModelLimits.MaxTagValueLength, rejectDuplicates: false);

        // Within one request the last value of a key wins, as with MLflow's set_tags.
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            wanted[tag.Key] = tag.Value;
        }

        await UpsertAsync(async db =>
        {
            await FindTrackedAsync(db, modelId, cancellationToken);
            var keys = wanted.Keys.ToList();
            var existing = await db.LoggedModelTags.AsTracking()
                .Where(t => t.ModelId == modelId && keys.Contains(t.Key))
                .ToDictionaryAsync(t => t.Key, StringComparer.Ordinal, cancellationToken);
            foreach (var (key, value) in wanted)
            {
                if (existing.TryGetValue(key, out var row))
                {
                    row.Value = value;
                }
                else
                {
                    db.LoggedModelTags.Add(new LoggedModelTagEntity { ModelId = modelId, Key = key, Value = value });
                }
            }
        }, cancellationToken);
    }

    public async Task DeleteTagAsync(string modelId, string key, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        await FindTrackedAsync(db, modelId, cancellationToken);
        var deleted = await db.LoggedModelTags.Where(t => t.ModelId == modelId && t.Key == key).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw CairnException.NotFound($"No tag with key '{key}' found for logged model with ID '{modelId}'.");
        }
    }

    public async Task LogParamsAsync(string modelId, IReadOnlyList<KeyValue> parameters, CancellationToken cancellationToken)
    {
        LoggedModelValidation.ValidateEntries(parameters, "params", LoggedModelLimits.MaxParamValueLength, rejectDuplicates: true);
        await UpsertAsync(async db =>
        {
            await FindTrackedAsync(db, modelId, cancellationToken);
            var keys = parameters.Select(p => p.Key).ToList();
            var existing = await db.LoggedModelParams
                .Where(p => p.ModelId == modelId && keys.Contains(p.Key))
                .ToDictionaryAsync(p => p.Key, p => p.Value, StringComparer.Ordinal, cancellationToken);
            foreach (var param in parameters)
            {
                if (!existing.TryGetValue(param.Key, out var old))
                {
                    db.LoggedModelParams.Add(new LoggedModelParamEntity { ModelId = modelId, Key = param.Key, Value = param.Value });
                }
                else if (old != param.Value)
                {
                    // Params are immutable once set, as for runs: a model's params describe how it was built.
                    throw CairnException.InvalidParameter(
                        $"Changing param values is not allowed. Param with key='{param.Key}' was already logged with value='{old}' " +
                        $"for logged model ID='{modelId}'. Attempted logging new value '{param.Value}'.");
                }
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Runs a read-modify-write in a fresh context; if a concurrent writer inserted the same key first,
    /// the unique key rejects our insert and one retry sees that row and updates it instead.
    /// </summary>
    private async Task UpsertAsync(Func<MetadataContext, Task> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = factory.Create();
            await change(db);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e))
            {
            }
        }
    }
}
