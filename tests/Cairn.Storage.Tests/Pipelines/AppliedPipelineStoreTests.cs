using Cairn.Testing;

namespace Cairn.Storage.Tests.Pipelines;

public sealed class SqliteAppliedPipelineStoreTests : AppliedPipelineStoreContract
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}

public sealed class PostgresAppliedPipelineStoreTests : AppliedPipelineStoreContract
{
    protected override Task<string?> DatabaseAsync() => PostgresDatabases.CreateAsync("applied");
}
