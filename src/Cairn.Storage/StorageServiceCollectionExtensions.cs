using Cairn.Core.Artifacts;
using Cairn.Core.Tracking;
using Cairn.Storage.Artifacts;
using Cairn.Storage.Tracking;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Storage;

public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers the metadata store (SQLite or PostgreSQL), the artifact store and the migrator.</summary>
    public static IServiceCollection AddCairnStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        if (options.UsesPostgres)
        {
            services.AddPooledDbContextFactory<PostgresMetadataContext>(o => o
                .UseNpgsql(options.Database, npgsql => npgsql.MigrationsHistoryTable("__cairn_migrations"))
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
            services.AddSingleton<IMetadataContextFactory>(sp =>
                new PooledMetadataContextFactory<PostgresMetadataContext>(sp.GetRequiredService<IDbContextFactory<PostgresMetadataContext>>(), isPostgres: true));
        }
        else
        {
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = options.SqlitePath,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
            }.ToString();
            services.AddPooledDbContextFactory<SqliteMetadataContext>(o => o
                .UseSqlite(connection, sqlite => sqlite.MigrationsHistoryTable("__cairn_migrations"))
                .AddInterceptors(new SqliteConnectionSetup())
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
            services.AddSingleton<IMetadataContextFactory>(sp =>
                new PooledMetadataContextFactory<SqliteMetadataContext>(sp.GetRequiredService<IDbContextFactory<SqliteMetadataContext>>(), isPostgres: false));
        }

        services.AddSingleton<MetadataMigrator>();
        services.AddSingleton<ITrackingStore, EfTrackingStore>();
        services.AddSingleton<IArtifactStore>(_ => new LocalArtifactStore(options.ArtifactRoot));
        AddRegistryStore(services);
        AddLoggedModelStore(services);
        AddDatasetStore(services);
        AddPipelineStore(services);
        AddServingStores(services);
        AddRolloutStore(services);
        AddMonitoringStores(services);
        return services;
    }

    static partial void AddRegistryStore(IServiceCollection services);

    static partial void AddLoggedModelStore(IServiceCollection services);

    static partial void AddDatasetStore(IServiceCollection services);

    static partial void AddPipelineStore(IServiceCollection services);

    static partial void AddServingStores(IServiceCollection services);

    static partial void AddRolloutStore(IServiceCollection services);
    static partial void AddMonitoringStores(IServiceCollection services);
}
