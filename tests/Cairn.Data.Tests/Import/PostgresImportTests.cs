using Cairn.Testing;

namespace Cairn.Data.Tests.Import;

/// <summary>The import and dataset-store tests on a real PostgreSQL server.</summary>
public sealed class PostgresImportTests(PostgresFixture postgres) : ImportTests, IClassFixture<PostgresFixture>
{
    protected override async Task<string?> DatabaseAsync() => await postgres.CreateDatabaseAsync("cairn_data");
}
