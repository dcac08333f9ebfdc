using Cairn.Testing;

namespace Cairn.Server.Tests.Contracts;

/// <summary>The recorded MLflow client exchanges, replayed against Cairn on PostgreSQL: one test per exchange.</summary>
public sealed class PostgresContractReplayTests(ContractReplayFixture<PostgresCairnServerFixture> fixture)
    : IClassFixture<ContractReplayFixture<PostgresCairnServerFixture>>
{
    public static TheoryData<string, int, string> Exchanges => ContractRecordings.Cases();

    [Theory]
    [MemberData(nameof(Exchanges))]
    public async Task Replay_MatchesRecordedExchange(string file, int index, string exchange)
    {
        var outcomes = await fixture.ReplayAsync(file);

        var outcome = outcomes[index];
        Assert.Equal(exchange, outcome.Recorded.Title);
        Assert.True(outcome.Matches, outcome.Describe());
    }
}
