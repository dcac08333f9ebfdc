using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Registry;

/// <summary>
/// The model registry on EF Core (SQLite or PostgreSQL). Every write runs in one transaction that
/// first touches the model's row: that takes the row's write lock on PostgreSQL (SQLite transactions
/// are already exclusive), so concurrent writers of one model run one after the other and version
/// numbers and stage aliases stay consistent.
/// </summary>
public sealed partial class EfRegistryStore(IMetadataContextFactory factory, TimeProvider time) : IRegistryStore
{
    private readonly IMetadataContextFactory _factory = factory;
    private readonly TimeProvider _time = time;

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Runs <paramref name="work"/> in a transaction and commits it; nothing is written if it throws.</summary>
    private async Task<T> WriteAsync<T>(Func<MetadataContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(db);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private Task WriteAsync(Func<MetadataContext, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            await work(db);
            return true;
        }, cancellationToken);

    /// <summary>Locks the model's row for the rest of the transaction and returns it (tracked).</summary>
    private static async Task<RegisteredModelEntity> LockModelAsync(MetadataContext db, string name, CancellationToken cancellationToken)
    {
        var touched = await db.RegisteredModels
            .Where(m => m.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastVersion, m => m.LastVersion), cancellationToken);
        if (touched == 0)
        {
            throw ModelNotFound(name);
        }

        return await db.RegisteredModels.AsTracking().SingleAsync(m => m.Name == name, cancellationToken);
    }

    private static async Task<long> ModelIdAsync(MetadataContext db, string name, CancellationToken cancellationToken)
    {
        var ids = await db.RegisteredModels.Where(m => m.Name == name).Select(m => m.Id).Take(1).ToListAsync(cancellationToken);
        return ids.Count == 1 ? ids[0] : throw ModelNotFound(name);
    }

    private static async Task<ModelVersionEntity> TrackedVersionAsync(MetadataContext db, RegisteredModelEntity model, long version, CancellationToken cancellationToken) =>
        await db.ModelVersions.AsTracking()
            .SingleOrDefaultAsync(v => v.RegisteredModelId == model.Id && v.Version == version, cancellationToken)
        ?? throw VersionNotFound(model.Name, version);

    internal static CairnException ModelNotFound(string name) =>
        CairnException.NotFound($"Registered Model with name={name} not found");

    internal static CairnException VersionNotFound(string name, long version) =>
        CairnException.NotFound($"Model Version (name={name}, version={version}) not found");

    /// <summary>Distinct keys, the last value winning (MLflow keeps a dict of the request's tags).</summary>
    private static IEnumerable<Core.KeyValue> LastPerKey(IReadOnlyList<Core.KeyValue> tags) =>
        tags.GroupBy(t => t.Key, StringComparer.Ordinal).Select(g => g.Last());
}
