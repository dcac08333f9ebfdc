namespace Cairn.Storage.Tests.Tracking;

public sealed class SqliteTrackingStoreTests : TrackingStoreContract
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}
