using Cairn.Testing;

namespace Cairn.Storage.Tests.Registry;

public sealed class PostgresRegistryStoreTests : RegistryStoreContract
{
    protected override Task<string?> DatabaseAsync() => PostgresDatabases.CreateAsync("registry");
}

public sealed class PostgresRegistryServiceTests : RegistryServiceContract
{
    protected override Task<string?> DatabaseAsync() => PostgresDatabases.CreateAsync("registry_svc");
}
