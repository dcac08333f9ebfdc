using Cairn.Testing.Deployments;
using Cairn.Core.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Deployments;

[Collection(DeploymentsCollection.Name)]
public sealed class FeedbackApiTests(DeploymentsServerFixture server)
{
    private const string Api = "/api/v1/deployments";

    [Fact]
    public async Task Feedback_SingleAndBatch_AreStored_AndTheLatestWins()
    {
        var name = "fb-" + Guid.NewGuid().ToString("N")[..10];
        await server.PostAsync(Api, new { name, variants = new[] { new { name = "a", model = server.Model, version = 1 } } });

        var (single, one) = await server.PostAsync($"{Api}/{name}/feedback", new { request_id = "r1", actual = "rain" });
        var (batch, many) = await server.PostAsync($"{Api}/{name}/feedback", new
        {
            feedback = new object[]
            {
                new { request_id = "r2", outcome = "umbrella_sold", value = 2.5 },
                new { request_id = "r3", actual = 12.5 },
                new { request_id = "r4", actual = true },
                new { request_id = "r1", actual = "sun" },
            },
        });
        var stored = await server.Services.GetRequiredService<IFeedbackStore>().GetAsync(name, ["r1", "r2", "r3", "r4"], CancellationToken.None);

        Assert.Equal((200, 1), (single, one.GetProperty("accepted").GetInt32()));
        Assert.Equal((200, 4), (batch, many.GetProperty("accepted").GetInt32()));
        Assert.Equal("sun", stored["r1"].Actual);
        Assert.Equal(("umbrella_sold", 2.5), (stored["r2"].Outcome, stored["r2"].Value));
        Assert.Equal("12.5", stored["r3"].Actual);
        Assert.Equal("true", stored["r4"].Actual);
        Assert.True(stored["r1"].Timestamp > 0);
    }
}
