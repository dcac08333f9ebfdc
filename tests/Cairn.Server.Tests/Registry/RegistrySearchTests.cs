using System.Net;
using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Server.Tests.Registry;

/// <summary>registered-models/search and model-versions/search over GET, as the MLflow client sends them.</summary>
public abstract class RegistrySearchTests(CairnServerFixture server) : RegistryTestBase(server)
{
    private const string NotPrompt = " AND tag.`mlflow.prompt.is_prompt` != 'true'";

    [Fact]
    public async Task SearchModels_WithClientsPromptClause_MatchesModelsWithoutTheTag()
    {
        var name = await CreateModelAsync();

        var body = (await Http.GetJsonAsync("registered-models/search", ("filter", $"name = '{name}'" + NotPrompt), ("max_results", "100"))).Ok();

        Assert.Equal([name], Names(body, "registered_models"));
    }

    [Fact]
    public async Task SearchModels_LeavesPromptsOutUnlessAsked()
    {
        var prefix = UniqueName("prompt");
        var model = await CreateModelAsync(prefix + "-model");
        var prompt = await CreateModelAsync(prefix + "-prompt", tags: new[] { new { key = "mlflow.prompt.is_prompt", value = "true" } });

        var defaultSearch = (await Http.GetJsonAsync("registered-models/search", ("filter", $"name LIKE '{prefix}%'"))).Ok();
        var clientSearch = (await Http.GetJsonAsync("registered-models/search", ("filter", $"name LIKE '{prefix}%'" + NotPrompt))).Ok();
        var prompts = (await Http.GetJsonAsync("registered-models/search", ("filter", $"name LIKE '{prefix}%' AND tags.`mlflow.prompt.is_prompt` = 'true'"))).Ok();

        Assert.Equal([model], Names(defaultSearch, "registered_models"));
        Assert.Equal([model], Names(clientSearch, "registered_models"));
        Assert.Equal([prompt], Names(prompts, "registered_models"));
    }

    [Fact]
    public async Task SearchModels_LikeIsCaseSensitiveAndILikeIsNot()
    {
        var prefix = UniqueName("Case");
        var model = await CreateModelAsync(prefix + "-Fraud");

        var like = (await Http.GetJsonAsync("registered-models/search", ("filter", $"name LIKE '{prefix}-fraud'"))).Ok();
        var likeExact = (await Http.GetJsonAsync("registered-models/search", ("filter", $"name LIKE '{prefix}-F%'"))).Ok();
        var ilike = (await Http.GetJsonAsync("registered-models/search", ("filter", $"name ILIKE '{prefix.ToUpperInvariant()}-FRAUD'"))).Ok();

        Assert.Empty(Names(like, "registered_models"));
        Assert.Equal([model], Names(likeExact, "registered_models"));
        Assert.Equal([model], Names(ilike, "registered_models"));
    }

    [Fact]
    public async Task SearchModels_ByTags()
    {
        var prefix = UniqueName("tags");
        var risk = await CreateModelAsync(prefix + "-a", tags: new[] { new { key = "team", value = "risk" } });
        var growth = await CreateModelAsync(prefix + "-b", tags: new[] { new { key = "team", value = "growth" } });
        var none = await CreateModelAsync(prefix + "-c");

        async Task<string[]> Search(string clause) =>
            Names((await Http.GetJsonAsync("registered-models/search", ("filter", $"name LIKE '{prefix}%' AND {clause}"))).Ok(), "registered_models");

        Assert.Equal([risk], await Search("tags.team = 'risk'"));
        Assert.Equal([growth, none], await Search("tags.team != 'risk'"));
        Assert.Equal([risk, growth], await Search("tags.team LIKE '%r%'"));
        Assert.Equal([risk], await Search("tags.`team` ILIKE 'RISK'"));
    }

    [Fact]
    public async Task SearchModels_OrderAndPaging()
    {
        var prefix = UniqueName("page");
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            names.Add(await CreateModelAsync($"{prefix}-{i}"));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = new List<(string, string)> { ("filter", $"name LIKE '{prefix}%'"), ("max_results", "2"), ("order_by", "name DESC") };
            if (token is not null)
            {
                query.Add(("page_token", token));
            }

            var body = (await Http.GetJsonAsync("registered-models/search", [.. query])).Ok();
            seen.AddRange(Names(body, "registered_models"));
            token = body.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(Enumerable.Reverse(names), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task SearchModels_OrderByLastUpdated()
    {
        var prefix = UniqueName("updated");
        var first = await CreateModelAsync(prefix + "-1");
        var second = await CreateModelAsync(prefix + "-2");
        await Task.Delay(5); // timestamps are milliseconds: make the update's visibly later, not a wait for work
        (await Http.PatchJsonAsync("registered-models/update", new { name = first, description = "touched last" })).Ok();

        var body = (await Http.GetJsonAsync("registered-models/search", ("filter", $"name LIKE '{prefix}%'"), ("order_by", "last_updated_timestamp DESC"))).Ok();

        Assert.Equal([first, second], Names(body, "registered_models"));
    }

    [Theory]
    [InlineData("name = 'a' OR name = 'b'")]
    [InlineData("(name = 'a')")]
    [InlineData("metrics.acc > 1")]
    [InlineData("run_id = 'x'")]
    [InlineData("name > 'a'")]
    [InlineData("name = ")]
    public async Task SearchModels_WithBadFilter_Is400(string filter)
    {
        (await Http.GetJsonAsync("registered-models/search", ("filter", filter))).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
    }

    [Theory]
    [InlineData("max_results", "1001")]
    [InlineData("max_results", "0")]
    [InlineData("order_by", "tags.team")]
    [InlineData("order_by", "name DESC NULLS LAST")]
    [InlineData("page_token", "not-a-token")]
    public async Task SearchModels_WithBadParameter_Is400(string key, string value)
    {
        (await Http.GetJsonAsync("registered-models/search", (key, value))).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
    }

    [Fact]
    public async Task SearchVersions_ByNameRunIdVersionAndTag()
    {
        var name = await CreateModelAsync();
        var run1 = Guid.NewGuid().ToString("N");
        var run2 = Guid.NewGuid().ToString("N");
        await CreateVersionAsync(name, runId: run1);
        await CreateVersionAsync(name, runId: run2);
        await CreateVersionAsync(name, runId: run2);
        (await Http.PostJsonAsync("model-versions/set-tag", new { name, version = "2", key = "validated", value = "true" })).Ok();

        async Task<string[]> Search(string filter) =>
            Versions((await Http.GetJsonAsync("model-versions/search", ("filter", filter), ("max_results", "10000"), ("order_by", "version_number ASC"))).Ok());

        Assert.Equal(["1", "2", "3"], await Search($"name='{name}'"));
        Assert.Equal(["2", "3"], await Search($"run_id = '{run2}'"));
        Assert.Equal(["1"], await Search($"name = '{name}' AND run_id IN ('{run1}', '{Guid.NewGuid():N}')"));
        Assert.Equal(["2", "3"], await Search($"name = '{name}' AND run_id NOT IN ('{run1}')"));
        Assert.Equal(["2", "3"], await Search($"name = '{name}' AND version_number >= 2"));
        Assert.Equal(["2"], await Search($"name = '{name}' AND tags.validated = 'true'"));
        Assert.Equal(["1", "3"], await Search($"name = '{name}' AND tags.validated != 'true'"));
        Assert.Equal(["1", "2", "3"], await Search($"name = '{name}' AND source_path LIKE 'mlflow-artifacts:/1/%'"));
    }

    [Fact]
    public async Task SearchVersions_DefaultOrderIsMostRecentlyUpdatedFirst_AndPages()
    {
        var name = await CreateModelAsync();
        for (var i = 0; i < 3; i++)
        {
            await CreateVersionAsync(name);
            await Task.Delay(5); // distinct millisecond timestamps, so the default order is well defined
        }

        (await Http.PatchJsonAsync("model-versions/update", new { name, version = "1", description = "bumped" })).Ok();

        var first = (await Http.GetJsonAsync("model-versions/search", ("filter", $"name='{name}'"), ("max_results", "2"))).Ok();
        var token = first.GetProperty("next_page_token").GetString()!;
        var second = (await Http.GetJsonAsync("model-versions/search", ("filter", $"name='{name}'"), ("max_results", "2"), ("page_token", token))).Ok();

        Assert.Equal(["1", "3"], Versions(first));
        Assert.Equal(["2"], Versions(second));
        Assert.False(second.TryGetProperty("next_page_token", out _));
    }

    [Fact]
    public async Task SearchVersions_WithBadFilter_Is400()
    {
        (await Http.GetJsonAsync("model-versions/search", ("filter", "version_number = 'abc'"))).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        (await Http.GetJsonAsync("model-versions/search", ("filter", "stage = 'Production'"))).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        (await Http.GetJsonAsync("model-versions/search", ("max_results", "200001"))).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
    }

    private static string[] Names(JsonElement body, string list) =>
        body.TryGetProperty(list, out var items) ? [.. items.EnumerateArray().Select(m => m.GetProperty("name").GetString()!)] : [];

    private static string[] Versions(JsonElement body) =>
        body.TryGetProperty("model_versions", out var items) ? [.. items.EnumerateArray().Select(v => v.GetProperty("version").GetString()!)] : [];
}
