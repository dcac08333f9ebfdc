using Cairn.Testing;

namespace Cairn.Server.Tests.Registry;

/// <summary>
/// The registry part of client_check.jsonl, request by request: what MlflowClient sends for
/// register_model, aliases, version tags, update, search_model_versions and search_registered_models.
/// </summary>
public abstract class RecordedClientFlowTests(CairnServerFixture server) : RegistryTestBase(server)
{
    [Fact]
    public async Task RegisterTagAliasUpdateAndSearch_FollowTheRecordedExchange()
    {
        var name = $"peer-model-{Guid.NewGuid():N}";
        var runId = Guid.NewGuid().ToString("N");
        var source = $"mlflow-artifacts:/1/{runId}/artifacts/model";

        var created = (await Http.PostJsonAsync("registered-models/create", new { name })).Ok().GetProperty("registered_model");
        Assert.Equal(created.GetProperty("creation_timestamp").GetInt64(), created.GetProperty("last_updated_timestamp").GetInt64());

        var version = (await Http.PostJsonAsync("model-versions/create", new { name, source, run_id = runId })).Ok().GetProperty("model_version");
        Assert.Equal("READY", version.GetProperty("status").GetString());

        var model = await GetModelAsync(name);
        var latest = model.GetProperty("latest_versions")[0];
        Assert.Equal(source, latest.GetProperty("source").GetString());
        Assert.Equal(runId, latest.GetProperty("run_id").GetString());

        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "champion", version = "1" })).Ok();
        var byAlias = (await Http.GetJsonAsync("registered-models/alias", ("name", name), ("alias", "champion"))).Ok().GetProperty("model_version");
        Assert.Equal(["champion"], Strings(byAlias, "aliases"));
        Assert.Equal(["champion=1"], Aliases(await GetModelAsync(name)));

        (await Http.PostJsonAsync("model-versions/set-tag", new { name, version = "1", key = "validated", value = "true" })).Ok();
        Assert.Equal(["validated=true"], Tags((await GetModelAsync(name)).GetProperty("latest_versions")[0]));

        var updated = (await Http.PatchJsonAsync("model-versions/update", new { name, version = "1", description = "peer check" })).Ok().GetProperty("model_version");
        Assert.Equal("peer check", updated.GetProperty("description").GetString());
        Assert.Equal(["champion"], Strings(updated, "aliases"));
        Assert.Equal("peer check", (await GetModelAsync(name)).GetProperty("latest_versions")[0].GetProperty("description").GetString());

        // search_model_versions(f"name='{name}'"): the exact query the client sends.
        var versions = (await Http.GetJsonAsync("model-versions/search", ("filter", $"name='{name}'"), ("max_results", "10000"))).Ok();
        Assert.Single(versions.GetProperty("model_versions").EnumerateArray());
        Assert.Equal("peer check", versions.GetProperty("model_versions")[0].GetProperty("description").GetString());

        // search_registered_models(f"name = '{name}'"): the client appends the prompt clause.
        var models = (await Http.GetJsonAsync("registered-models/search",
            ("filter", $"name = '{name}' AND tag.`mlflow.prompt.is_prompt` != 'true'"), ("max_results", "100"))).Ok();
        var found = Assert.Single(models.GetProperty("registered_models").EnumerateArray());
        Assert.Equal(["champion=1"], Aliases(found));
        Assert.False(models.TryGetProperty("next_page_token", out _));
    }
}
