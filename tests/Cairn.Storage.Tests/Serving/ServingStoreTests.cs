using Cairn.Testing;

namespace Cairn.Storage.Tests.Serving;

public sealed class SqliteServingStoreTests : ServingStoreContract
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}

public sealed class PostgresServingStoreTests : ServingStoreContract
{
    protected override Task<string?> DatabaseAsync() => PostgresDatabases.CreateAsync("serving");
}
