using System.Collections.Concurrent;
using Cairn.Testing;

namespace Cairn.Server.Tests.Contracts;

/// <summary>
/// A real Cairn server of kind <typeparamref name="TServer"/> plus the replay of each recording against
/// it, run once (in order) on first use and cached, so each exchange can be its own test case.
/// </summary>
public sealed class ContractReplayFixture<TServer> : IAsyncLifetime
    where TServer : CairnServerFixture, new()
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<ExchangeOutcome>>>> _replays = new(StringComparer.Ordinal);

    public TServer Server { get; } = new();

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();

    public Task<IReadOnlyList<ExchangeOutcome>> ReplayAsync(string file) =>
        _replays.GetOrAdd(file, f => new Lazy<Task<IReadOnlyList<ExchangeOutcome>>>(() =>
            new ContractReplayer(Server.Http).ReplayAsync(f, ContractRecordings.Load(f), CancellationToken.None))).Value;
}
