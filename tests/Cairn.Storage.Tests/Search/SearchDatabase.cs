using System.Collections.Concurrent;
using System.Data.Common;
using Cairn.Storage.Entities;
using Cairn.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cairn.Storage.Tests.Search;

/// <summary>
/// A migrated metadata database with one open connection for the context's lifetime (so SQLite's
/// per-connection PRAGMA case_sensitive_like=ON holds) and a log of executed SQL. SQLite in a temp
/// directory by default; a fresh PostgreSQL database when <c>CAIRN_TEST_POSTGRES</c> holds a
/// connection string to a server where the user may create databases.
/// </summary>
public sealed class SearchDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "CAIRN_TEST_POSTGRES";

    private readonly TempDirectory _directory = new("cairn-search");

    private SearchDatabase()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(postgres))
        {
            var path = Path.Combine(_directory.Path, "cairn.db");
            Context = new SqliteMetadataContext(new DbContextOptionsBuilder<SqliteMetadataContext>()
                .UseSqlite($"Data Source={path}")
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .AddInterceptors(Commands)
                .Options);
        }
        else
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = $"cairn_search_{Guid.NewGuid():N}" };
            Context = new PostgresMetadataContext(new DbContextOptionsBuilder<PostgresMetadataContext>()
                .UseNpgsql(connection.ConnectionString)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .AddInterceptors(Commands)
                .Options);
        }
    }

    public MetadataContext Context { get; }

    public CommandLog Commands { get; } = new();

    public bool IsPostgres => Context is PostgresMetadataContext;

    public static async Task<SearchDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var db = new SearchDatabase();
        if (db.IsPostgres)
        {
            await db.Context.Database.MigrateAsync(cancellationToken);
            await db.Context.Database.OpenConnectionAsync(cancellationToken);
        }
        else
        {
            await db.Context.Database.OpenConnectionAsync(cancellationToken);
            await db.Context.Database.MigrateAsync(cancellationToken);
            await db.Context.Database.ExecuteSqlRawAsync("PRAGMA case_sensitive_like=ON;", cancellationToken);
        }

        return db;
    }

    public async Task InsertAsync(
        IEnumerable<ExperimentEntity> experiments, IEnumerable<DatasetEntity> datasets, IEnumerable<RunEntity> runs, CancellationToken cancellationToken)
    {
        Context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await Context.Database.BeginTransactionAsync(cancellationToken);
        Context.Experiments.AddRange(experiments);
        await Context.SaveChangesAsync(cancellationToken);
        Context.Datasets.AddRange(datasets);
        await Context.SaveChangesAsync(cancellationToken);
        Context.Runs.AddRange(runs);
        await Context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Context.ChangeTracker.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.Database.CloseConnectionAsync();
        if (IsPostgres)
        {
            await Context.Database.EnsureDeletedAsync();
        }

        await Context.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Records the SQL text of every command, to check that values travel as parameters.</summary>
    public sealed class CommandLog : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Texts { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
