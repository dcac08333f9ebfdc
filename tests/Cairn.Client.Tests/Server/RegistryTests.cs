using Cairn.Testing;

namespace Cairn.Client.Tests.Server;

[Collection(ServerCollection.Name)]
public sealed class RegistryTests(CairnServerFixture server) : IDisposable
{
    private readonly CairnClient _client = new(server.BaseAddress);

    public void Dispose() => _client.Dispose();

    private static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private async Task<string> FinishedRunAsync()
    {
        await using var run = await _client.StartRunAsync(NewName("registry"));
        return run.RunId;
    }

    [Fact]
    public async Task RegisterModel_CreatesTheModelThenNumberedVersionsFromTheRunsArtifacts()
    {
        var name = NewName("model");
        var runId = await FinishedRunAsync();

        var first = await _client.RegisterModelAsync(runId, "model", name);
        var second = await _client.RegisterModelAsync(runId, "model", name);

        Assert.Equal(("1", "2"), (first.Version, second.Version));
        Assert.Equal("READY", first.Status);
        Assert.Equal(runId, first.RunId);
        Assert.EndsWith($"/{runId}/artifacts/model", first.Source, StringComparison.Ordinal);
        Assert.Equal(second.Version, (await _client.GetModelVersionAsync(name, "2")).Version);
    }

    [Fact]
    public async Task CreateRegisteredModel_Duplicate_IsAlreadyExists()
    {
        var name = NewName("dup");
        var created = await _client.CreateRegisteredModelAsync(name, "first", new Dictionary<string, string> { ["team"] = "ml" });

        var e = await Assert.ThrowsAsync<CairnApiException>(() => _client.CreateRegisteredModelAsync(name));

        Assert.True(e.IsAlreadyExists);
        var fetched = await _client.GetRegisteredModelAsync(name);
        Assert.Equal(created.Name, fetched.Name);
        Assert.Equal("first", fetched.Description);
        Assert.Equal("ml", Assert.Single(fetched.Tags!).Value);
    }

    [Fact]
    public async Task Aliases_SetMoveResolveAndDelete()
    {
        var name = NewName("alias");
        await _client.CreateRegisteredModelAsync(name);
        var runId = await FinishedRunAsync();
        await _client.CreateModelVersionAsync(name, $"mlflow-artifacts:/0/{runId}/artifacts/model", runId);
        await _client.CreateModelVersionAsync(name, $"mlflow-artifacts:/0/{runId}/artifacts/model", runId);

        await _client.SetAliasAsync(name, "champion", "1");
        Assert.Equal("1", (await _client.GetModelVersionByAliasAsync(name, "champion")).Version);

        await _client.SetAliasAsync(name, "champion", "2");
        var champion = await _client.GetModelVersionByAliasAsync(name, "champion");
        Assert.Equal("2", champion.Version);
        Assert.Contains("champion", champion.Aliases!);
        Assert.Equal(new[] { ("champion", "2") }, (await _client.GetRegisteredModelAsync(name)).Aliases!.Select(a => (a.Alias, a.Version)));

        await _client.DeleteAliasAsync(name, "champion");
        var gone = await Assert.ThrowsAsync<CairnApiException>(() => _client.GetModelVersionByAliasAsync(name, "champion"));
        Assert.Equal("INVALID_PARAMETER_VALUE", gone.ErrorCode); // MLflow's code for an unknown alias
        Assert.Null((await _client.GetRegisteredModelAsync(name)).Aliases);
    }

    [Fact]
    public async Task TransitionStage_AndLatestVersionsPerStage()
    {
        var name = NewName("stage");
        await _client.CreateRegisteredModelAsync(name);
        await _client.CreateModelVersionAsync(name, "mlflow-artifacts:/0/x/artifacts/model");
        await _client.CreateModelVersionAsync(name, "mlflow-artifacts:/0/y/artifacts/model");

        var moved = await _client.TransitionModelVersionStageAsync(name, "1", "Production");

        Assert.Equal("Production", moved.CurrentStage);
        var production = Assert.Single(await _client.GetLatestVersionsAsync(name, ["Production"]));
        Assert.Equal("1", production.Version);
    }

    [Fact]
    public async Task SearchRegisteredModels_AndModelVersions_ByName()
    {
        var prefix = NewName("search");
        await _client.CreateRegisteredModelAsync(prefix + "-a");
        await _client.CreateRegisteredModelAsync(prefix + "-b");
        await _client.CreateModelVersionAsync(prefix + "-b", "mlflow-artifacts:/0/z/artifacts/model");

        var models = new List<string>();
        await foreach (var model in _client.EnumerateRegisteredModelsAsync($"name LIKE '{prefix}%'", ["name ASC"], pageSize: 1))
        {
            models.Add(model.Name);
        }

        Assert.Equal([prefix + "-a", prefix + "-b"], models);
        var versions = await _client.SearchModelVersionsAsync($"name = '{prefix}-b'");
        Assert.Equal("1", Assert.Single(versions.Items).Version);
    }

    [Fact]
    public async Task DeleteRegisteredModel_RemovesIt()
    {
        var name = NewName("gone");
        await _client.CreateRegisteredModelAsync(name);

        await _client.DeleteRegisteredModelAsync(name);

        Assert.True((await Assert.ThrowsAsync<CairnApiException>(() => _client.GetRegisteredModelAsync(name))).IsNotFound);
    }
}
