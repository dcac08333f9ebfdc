using Cairn.Core.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cairn.Storage;

/// <summary>
/// Brings the metadata store to the current schema (at server start-up and by <c>cairn db upgrade</c>):
/// WAL mode on SQLite, pending migrations, and the "Default" experiment "0" that MLflow clients expect.
/// </summary>
public sealed class MetadataMigrator(IMetadataContextFactory factory, StorageOptions options, TimeProvider time, ILogger<MetadataMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        if (!options.UsesPostgres)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath))!);
        }

        Directory.CreateDirectory(options.ArtifactRoot);
        await using var db = factory.Create();
        if (!options.UsesPostgres)
        {
            // WAL is a property of the database file, so setting it once is enough.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} metadata migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        await EnsureDefaultExperimentAsync(db, cancellationToken);
        return pending;
    }

    private async Task EnsureDefaultExperimentAsync(MetadataContext db, CancellationToken cancellationToken)
    {
        if (await db.Experiments.AnyAsync(e => e.Id == 0, cancellationToken))
        {
            return;
        }

        // Raw SQL because EF treats an int key of 0 as "unset" and would assign the next identity value.
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO experiments ("Id", "Name", "ArtifactLocation", "LifecycleStage", "CreationTime", "LastUpdateTime")
            VALUES (0, 'Default', 'mlflow-artifacts:/0', {LifecycleStage.Active}, {now}, {now})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
    }
}
