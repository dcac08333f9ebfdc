using System.Data.Common;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tests.Search;

/// <summary>
/// 10,000 runs in experiment 1 (plus 2,000 in experiment 2 as noise) with a realistic spread of
/// metrics (some NaN, some missing), params and tags. Rows go in through prepared commands in one
/// transaction because the point here is the search, not EF's insert speed.
/// </summary>
public sealed class RunSearchPerformanceFixture : IAsyncLifetime
{
    public const int RunsInExperiment = 10_000;

    private SearchDatabase? _database;

    public SearchDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        _database = await SearchDatabase.CreateAsync(CancellationToken.None);
        await _database.InsertAsync([RunSearchData.Experiment(1, "perf-one"), RunSearchData.Experiment(2, "perf-two")], [], [], CancellationToken.None);
        var connection = _database.Context.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var run = Prepare(connection, transaction,
            "INSERT INTO runs (RunId, ExperimentId, Name, UserId, Status, StartTime, EndTime, ArtifactUri, LifecycleStage) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9);
        await using var metric = Prepare(connection, transaction,
            "INSERT INTO latest_metrics (RunId, Key, Value, IsNaN, Timestamp, Step) VALUES ($1, $2, $3, $4, $5, 0)", 5);
        await using var param = Prepare(connection, transaction, "INSERT INTO params (RunId, Key, Value) VALUES ($1, $2, $3)", 3);
        await using var tag = Prepare(connection, transaction, "INSERT INTO run_tags (RunId, Key, Value) VALUES ($1, $2, $3)", 3);

        var random = new Random(42);
        string[] rates = ["0.1", "0.01", "0.001", "0.05", "0.3"];
        string[] stages = ["dev", "staging", "prod"];
        for (var i = 0; i < RunsInExperiment + 2_000; i++)
        {
            var id = Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddMilliseconds(i)).ToString("N");
            var experiment = i < RunsInExperiment ? 1L : 2L;
            var start = 1_700_000_000_000L + i * 1000L;
            await Execute(run, id, experiment, $"run-{i}", $"user{i % 7}", 1 + (i % 5), start, start + 500, $"mlflow-artifacts:/{experiment}/{id}/artifacts", i % 50 == 0 ? "deleted" : "active");
            if (i % 20 != 0)
            {
                var nan = i % 97 == 0;
                await Execute(metric, id, "acc", nan ? 0d : random.NextDouble(), nan, start);
            }

            await Execute(metric, id, "loss", random.NextDouble() * 3, false, start);
            await Execute(param, id, "lr", rates[i % rates.Length]);
            await Execute(param, id, "epochs", (i % 30).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Execute(tag, id, "stage", stages[i % stages.Length]);
            await Execute(tag, id, "mlflow.runName", $"run-{i}");
            await Execute(tag, id, "mlflow.user", $"user{i % 7}");
        }

        await transaction.CommitAsync();
        await _database.Context.Database.ExecuteSqlRawAsync("ANALYZE;");
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"${i}";
            command.Parameters.Add(p);
        }

        return command;
    }

    private static async Task Execute(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }
}
