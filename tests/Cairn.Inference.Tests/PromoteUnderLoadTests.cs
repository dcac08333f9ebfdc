using System.Collections.Concurrent;
using Cairn.Inference.Tests.Support;

namespace Cairn.Inference.Tests;

[Collection(InferenceServerCollection.Name)]
public sealed class PromoteUnderLoadTests(InferenceServerFixture server)
{
    [Fact]
    public async Task PromoteAndRollback_UnderContinuousLoad_FailNoRequest()
    {
        await server.PutAsync(Deployments.Single("canary", InferenceServerFixture.Model, server.Primary));
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var versions = new ConcurrentDictionary<string, int>();
        var answered = 0;
        var body = Oip.Row().ToJsonString();
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await Oip.PostAsync(server.Http, "/v2/models/canary/infer", body);
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    failures.Enqueue($"{(int)response.StatusCode} {text}");
                    continue;
                }

                var version = (string?)System.Text.Json.Nodes.JsonNode.Parse(text)!["model_version"];
                versions.AddOrUpdate(version!, 1, (_, n) => n + 1);
                Interlocked.Increment(ref answered);
            }
        })).ToList();

        // Promote the challenger, go 50/50, roll back, promote again: each a store change plus a router refresh.
        var steps = new[]
        {
            Deployments.Single("canary", InferenceServerFixture.Model, server.Challenger),
            Deployments.Split("canary", InferenceServerFixture.Model, server.Primary, 50, server.Challenger, 50),
            Deployments.Single("canary", InferenceServerFixture.Model, server.Primary),
            Deployments.Single("canary", InferenceServerFixture.Model, server.Challenger),
        };
        foreach (var step in steps)
        {
            var before = Volatile.Read(ref answered);
            await server.PutAsync(step);
            await InferenceServerFixture.WaitUntilAsync(() => Volatile.Read(ref answered) >= before + 50);
        }

        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.True(answered > 200);
        Assert.Equal([server.Primary.ToString(), server.Challenger.ToString()], versions.Keys.Order());
    }
}
