using System.Net;
using Cairn.Core.Artifacts;
using Cairn.Core.Registry;
using Cairn.Core.Serving;
using Cairn.Inference.Tests.Support;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Cairn.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Inference.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_LoadsEveryDeploymentAtStartUp_AndServesOnceReady()
    {
        using var home = new TempDirectory("cairn-restart");
        var store = new InMemoryDeploymentStore();
        long version;
        await using (var first = Start(home.Path, store))
        {
            await first.StartAsync();
            version = await ModelRegistration.RegisterAsync(
                first.Services.GetRequiredService<IRegistryStore>(), first.Services.GetRequiredService<IArtifactStore>(), "weather", await SeattleModels.PrimaryAsync());
            await first.StopAsync();
        }

        // The deployment exists in the store before the second process starts; nobody refreshes the router.
        store.Put(Deployments.Single("restarted", "weather", version));
        await using var second = Start(home.Path, store);
        await second.StartAsync();
        using var http = new HttpClient { BaseAddress = second.BoundAddress() };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode ready;
        while ((ready = (await http.GetAsync("/v2/health/ready")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
            await Task.Delay(20);
        }

        Assert.Equal(HttpStatusCode.OK, ready);
        var (status, body) = await Oip.SendAsync(http, "/v2/models/restarted/infer", Oip.Row("after-restart"));
        Assert.Equal(200, status);
        Assert.Equal("after-restart", (string?)body!["id"]);
        await second.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static WebApplication Start(string home, IDeploymentStore store) =>
        CairnServer.Build(new ServerOptions { Port = 0 }, new StorageOptions { Home = home }, builder => builder.Services.AddSingleton(store));
}
