using System.Text.Json.Nodes;

namespace Cairn.Server.Tests.Contracts;

/// <summary>The replay harness checked against a fake server, independent of how far Cairn's server is.</summary>
public sealed class ContractReplayerTests
{
    public static TheoryData<string> Files => new(ContractRecordings.Files);

    private static async Task<(IReadOnlyList<ExchangeOutcome> Outcomes, FakeRecordedServer Server)> ReplayAsync(
        string file, Func<RecordedExchange, string, string>? tamper = null)
    {
        var exchanges = ContractRecordings.Load(file);
        var server = new FakeRecordedServer(exchanges, tamper);
        using var http = new HttpClient(server) { BaseAddress = new Uri("http://127.0.0.1:5000/") };
        var outcomes = await new ContractReplayer(http).ReplayAsync(file, exchanges, CancellationToken.None);
        return (outcomes, server);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Replay_AgainstAFaithfulServerWithOtherIds_MatchesEveryExchange(string file)
    {
        var (outcomes, server) = await ReplayAsync(file);

        Assert.Equal(outcomes.Count, server.Served);
        Assert.True(server.Problems.Count == 0, string.Join("\n", server.Problems));
        var failures = outcomes.Where(o => !o.Matches).Select(o => o.Describe()).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Replay_ResponseMissingAField_IsReportedForThoseExchangesOnly()
    {
        var (outcomes, _) = await ReplayAsync("client_check.jsonl", (recorded, body) =>
        {
            if (!recorded.Path.EndsWith("/runs/create", StringComparison.Ordinal))
            {
                return body;
            }

            var node = JsonNode.Parse(body)!;
            node["run"]!["info"]!.AsObject().Remove("run_name");
            return node.ToJsonString();
        });

        var failed = outcomes.Where(o => !o.Matches).ToList();
        Assert.Equal(2, failed.Count); // client_check creates two runs
        Assert.All(failed, o => Assert.Contains("$.run.info.run_name: missing (recorded string", o.Describe(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_WrongErrorCode_IsReported()
    {
        var (outcomes, _) = await ReplayAsync("client_check.jsonl", (recorded, body) =>
            recorded.Status == 404 ? """{"error_code":"ENDPOINT_NOT_FOUND","message":"no"}""" : body);

        var failed = Assert.Single(outcomes, o => !o.Matches);
        Assert.Contains("error_code: recorded RESOURCE_DOES_NOT_EXIST, got \"ENDPOINT_NOT_FOUND\"", failed.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_BinaryUpload_SendsTheRecordedNumberOfBytes()
    {
        var exchanges = ContractRecordings.Load("client_check.jsonl");
        var upload = exchanges.Single(e => e.IsArtifactUpload && RecordedExchange.BinaryLength(e.RequestBody) is not null);

        Assert.Equal(1024, upload.RequestBytes().Length);
        Assert.Equal(upload.RequestBytes(), RecordedExchange.DeterministicBytes(1024));
    }
}
