using Cairn.Core.Registry;
using Cairn.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cairn.Storage.Tests.Registry;

/// <summary>
/// A migrated store per test with a fake clock the tests move by hand. Subclasses pick the provider
/// (<see cref="DatabaseAsync"/>: null for SQLite), so the same tests check both.
/// </summary>
public abstract class RegistryStoreTestBase : IAsyncLifetime
{
    private StoreHost? _host;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected IRegistryStore Store => Host.Get<IRegistryStore>();

    protected IMetadataContextFactory Contexts => Host.Get<IMetadataContextFactory>();

    protected T Get<T>()
        where T : notnull => Host.Get<T>();

    protected long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    private StoreHost Host => _host ?? throw new InvalidOperationException("The store is not created yet.");

    protected abstract Task<string?> DatabaseAsync();

    public async Task InitializeAsync() => _host = await StoreHost.CreateAsync(await DatabaseAsync(), Time);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
