using Cairn.Testing;

namespace Cairn.Storage.Tests.Tracking;

public sealed class PostgresTrackingStoreTests : TrackingStoreContract
{
    protected override Task<string?> DatabaseAsync() => PostgresDatabases.CreateAsync("tracking");
}
