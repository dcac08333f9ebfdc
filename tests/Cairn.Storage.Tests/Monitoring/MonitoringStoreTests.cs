using Cairn.Testing;

namespace Cairn.Storage.Tests.Monitoring;

public sealed class SqliteMonitorStoreTests : MonitorStoreContract
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}

public sealed class PostgresMonitorStoreTests : MonitorStoreContract
{
    protected override Task<string?> DatabaseAsync() => PostgresDatabases.CreateAsync("monitor");
}

public sealed class SqliteMonitorConfigStoreTests : MonitorConfigStoreContract
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}

public sealed class PostgresMonitorConfigStoreTests : MonitorConfigStoreContract
{
    protected override Task<string?> DatabaseAsync() => PostgresDatabases.CreateAsync("monitorcfg");
}
