namespace Cairn.Storage.Tests.Registry;

public sealed class SqliteRegistryStoreTests : RegistryStoreContract
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}

public sealed class SqliteRegistryServiceTests : RegistryServiceContract
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}
