using Cairn.Testing.Deployments;
using System.Text.Json;
using Cairn.Core.Errors;

namespace Cairn.Server.Tests.Deployments;

/// <summary>Every bad request is a 4xx whose message names the field and the rule, and nothing is stored.</summary>
[Collection(DeploymentsCollection.Name)]
public sealed class DeploymentsBadInputTests(DeploymentsServerFixture server)
{
    private const string Api = "/api/v1/deployments";
    private const string M = "{MODEL}";

    private static string UniqueName() => "bad-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<JsonElement> ExpectAsync(int status, string code, string fragment, HttpMethod method, string path, string? json)
    {
        var (actual, body) = await server.SendAsync(method, path, json?.Replace(M, server.Model, StringComparison.Ordinal));
        Assert.True(actual == status, $"expected {status}, got {actual}: {body}");
        Assert.Equal(code, body.GetProperty("error_code").GetString());
        Assert.Contains(fragment, body.GetProperty("message").GetString(), StringComparison.Ordinal);
        return body;
    }

    [Theory]
    [InlineData("{", "Malformed JSON")]
    [InlineData("", "Missing request body")]
    [InlineData("null", "JSON object is expected")]
    [InlineData("[1,2]", "Malformed JSON")]
    [InlineData("{\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1}]}", "'name'")]
    [InlineData("{\"name\":\"has space\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1}]}", "parameter 'name'")]
    [InlineData("{\"name\":42,\"variants\":[]}", "'name'")]
    [InlineData("{\"name\":\"NAME\"}", "at least one variant")]
    [InlineData("{\"name\":\"NAME\",\"variants\":{}}", "'variants'")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1,\"weight\":\"ninety\"}]}", "'variants[0].weight'")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1,\"weight\":90.5}]}", "'variants[0].weight'")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1,\"weigth\":100}]}", "weigth")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1,\"weight\":60},{\"name\":\"b\",\"model\":\"" + M + "\",\"version\":2,\"weight\":30}]}", "sum to 100, got 90")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1,\"weight\":150}]}", "'variants[0].weight': it must be an integer from 0 to 100")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1,\"weight\":50},{\"name\":\"A\",\"model\":\"" + M + "\",\"version\":2,\"weight\":50}]}", "unique")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1,\"alias\":\"champion\"}]}", "exactly one of 'version' or 'alias'")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\"}]}", "exactly one of 'version' or 'alias'")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"version\":1}]}", "'variants[0].model'")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"model\":\"" + M + "\",\"version\":1}]}", "'variants[0].name'")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":0}]}", "'variants[0].version': it must be a positive integer")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1},{\"name\":\"s\",\"model\":\"" + M + "\",\"version\":2,\"mode\":\"shadow\",\"weight\":10}]}", "shadow variant")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"s\",\"model\":\"" + M + "\",\"version\":2,\"mode\":\"shadow\"}]}", "at least one variant must be live")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1,\"mode\":\"canary\"}]}", "'variants[0].mode': it must be 'live' or 'shadow'")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":99}]}", "'variants[0]': model '" + M + "' version 99 does not exist")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"no-such-model\",\"version\":1}]}", "does not exist in the model registry")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"alias\":\"nobody\"}]}", "alias 'nobody'")]
    [InlineData("{\"name\":\"NAME\",\"sticky_key\":\"cookie:sid\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1}]}", "'sticky_key'")]
    [InlineData("{\"name\":\"NAME\",\"sticky_key\":\"header:bad header\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1}]}", "HTTP token")]
    [InlineData("{\"name\":\"NAME\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1,\"weight\":50},{\"name\":\"b\",\"model\":\"" + M + "\",\"version\":3,\"weight\":50}]}", "'variants[1]': the inputs of model")]
    public async Task Create_WithBadInput_Is400NamingTheFieldAndStoresNothing(string json, string fragment)
    {
        var name = UniqueName();
        var body = json.Replace("NAME", name, StringComparison.Ordinal);

        await ExpectAsync(400, ErrorCode.InvalidParameterValue, fragment.Replace(M, server.Model, StringComparison.Ordinal), HttpMethod.Post, Api, body);
        var (status, _) = await server.SendAsync(HttpMethod.Get, $"{Api}/{name}");

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Create_WithIncompatibleSignature_NamesTheMissingInputs()
    {
        var json = "{\"name\":\"" + UniqueName() + "\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1},{\"name\":\"s\",\"model\":\"" + M + "\",\"version\":3,\"mode\":\"shadow\"}]}";

        var body = await ExpectAsync(400, ErrorCode.InvalidParameterValue, "'variants[1]'", HttpMethod.Post, Api, json);

        Assert.Contains("input 'temp_max' (numeric) is missing", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_ToAModelThatCannotBeLoaded_Is400_AndTheOldVariantsStay()
    {
        var name = UniqueName();
        await server.SendAsync(HttpMethod.Post, Api, "{\"name\":\"" + name + "\",\"variants\":[{\"name\":\"a\",\"model\":\"" + server.Model + "\",\"version\":1}]}");

        var create = await ExpectAsync(400, ErrorCode.InvalidParameterValue, "'variants[0]': model '" + server.BrokenModel + "' version 1 cannot be served", HttpMethod.Post, Api,
            "{\"name\":\"" + UniqueName() + "\",\"variants\":[{\"name\":\"a\",\"model\":\"" + server.BrokenModel + "\",\"version\":1}]}");
        await ExpectAsync(400, ErrorCode.InvalidParameterValue, "cannot be served", HttpMethod.Put, $"{Api}/{name}/variants",
            "{\"variants\":[{\"name\":\"b\",\"model\":\"" + server.BrokenModel + "\",\"version\":1}]}");
        var (_, after) = await server.SendAsync(HttpMethod.Get, $"{Api}/{name}");
        var (_, history) = await server.SendAsync(HttpMethod.Get, $"{Api}/{name}/events");

        Assert.NotNull(create.GetProperty("message").GetString());
        Assert.Equal(1, after.GetProperty("deployment").GetProperty("revision").GetInt64());
        Assert.Equal("a", after.GetProperty("deployment").GetProperty("variants")[0].GetProperty("name").GetString());
        Assert.Single(history.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task Create_WithATakenName_IsAlreadyExists()
    {
        var json = "{\"name\":\"" + UniqueName() + "\",\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1}]}";
        var (first, _) = await server.SendAsync(HttpMethod.Post, Api, json.Replace(M, server.Model, StringComparison.Ordinal));

        await ExpectAsync(400, ErrorCode.ResourceAlreadyExists, "already exists", HttpMethod.Post, Api, json);

        Assert.Equal(201, first);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PATCH", "{\"description\":\"x\"}")]
    [InlineData("PUT", "/variants|{\"variants\":[{\"name\":\"a\",\"model\":\"" + M + "\",\"version\":1}]}")]
    [InlineData("POST", "/set-weights|{\"weights\":{\"a\":100}}")]
    [InlineData("POST", "/promote|{\"variant\":\"a\"}")]
    [InlineData("POST", "/rollback|")]
    [InlineData("POST", "/pause|")]
    [InlineData("POST", "/resume|")]
    [InlineData("DELETE", "")]
    [InlineData("GET", "/events|")]
    [InlineData("POST", "/feedback|{\"request_id\":\"r1\",\"actual\":\"rain\"}")]
    public async Task UnknownDeployment_Is404(string method, string pathAndBody)
    {
        var parts = pathAndBody.Split('|');
        var (suffix, json) = parts.Length == 2 ? (parts[0], parts[1]) : ("", parts[0]);

        await ExpectAsync(404, ErrorCode.ResourceDoesNotExist, "does not exist", new HttpMethod(method), $"{Api}/no-such-deployment{suffix}", json.Length == 0 ? null : json);
    }

    [Theory]
    [InlineData("/set-weights", "{\"weights\":{\"zzz\":100}}", "'weights.zzz': deployment")]
    [InlineData("/set-weights", "{\"weights\":{\"a\":40}}", "sum to 100, got 40")]
    [InlineData("/set-weights", "{\"weights\":{\"a\":-5}}", "from 0 to 100")]
    [InlineData("/set-weights", "{\"weights\":{\"s\":10,\"a\":90}}", "'weights.s': 's' is a shadow variant")]
    [InlineData("/set-weights", "{\"weights\":{}}", "'weights'")]
    [InlineData("/set-weights", "{\"weights\":[100]}", "'weights'")]
    [InlineData("/promote", "{\"variant\":\"zzz\"}", "'variant': deployment")]
    [InlineData("/promote", "{}", "'variant'")]
    [InlineData("/rollback", "{\"to_sequence\":999}", "'to_sequence'")]
    [InlineData("/rollback", "{}", "no earlier state")]
    [InlineData("/rollback", "{\"to_sequence\":\"one\"}", "'to_sequence'")]
    [InlineData("/pause", "{\"revision\":\"x\"}", "'revision'")]
    [InlineData("/events?max_results=abc", null, "'max_results'")]
    [InlineData("/events?max_results=0", null, "'max_results'")]
    [InlineData("/feedback", "{\"actual\":\"rain\"}", "'request_id'")]
    [InlineData("/feedback", "{\"request_id\":\"r1\"}", "'actual'")]
    [InlineData("/feedback", "{\"request_id\":\"r1\",\"actual\":{\"x\":1}}", "'actual': it must be a string, a number or a boolean")]
    [InlineData("/feedback", "{\"request_id\":\"r1\",\"actual\":\"a\",\"value\":3}", "'value'")]
    [InlineData("/feedback", "{\"request_id\":\"r1\",\"outcome\":\"bought\",\"value\":\"lots\"}", "'value'")]
    [InlineData("/feedback", "{\"feedback\":[{\"request_id\":\"r1\",\"actual\":\"a\"},{\"actual\":\"b\"}]}", "'feedback[1].request_id'")]
    [InlineData("/feedback", "{\"feedback\":[]}", "at least one item")]
    [InlineData("/feedback", "{\"request_id\":\"r1\",\"actual\":\"a\",\"feedback\":[]}", "not both")]
    [InlineData("/feedback", "{\"request_id\":\"r1\",\"actual\":\"a\",\"extra\":1}", "extra")]
    public async Task ActionOnAnExistingDeployment_WithBadInput_Is400NamingTheField(string suffix, string? json, string fragment)
    {
        var name = UniqueName();
        var (created, _) = await server.SendAsync(HttpMethod.Post, Api,
            "{\"name\":\"" + name + "\",\"variants\":[{\"name\":\"a\",\"model\":\"" + server.Model + "\",\"version\":1},{\"name\":\"s\",\"model\":\"" + server.Model + "\",\"version\":2,\"mode\":\"shadow\"}]}");
        var method = suffix.StartsWith("/events", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post;

        await ExpectAsync(400, ErrorCode.InvalidParameterValue, fragment, method, $"{Api}/{name}{suffix}", json);
        var (_, after) = await server.SendAsync(HttpMethod.Get, $"{Api}/{name}");

        Assert.Equal(201, created);
        Assert.Equal(1, after.GetProperty("deployment").GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task Feedback_OverTheBatchLimit_Is400()
    {
        var name = UniqueName();
        await server.SendAsync(HttpMethod.Post, Api, "{\"name\":\"" + name + "\",\"variants\":[{\"name\":\"a\",\"model\":\"" + server.Model + "\",\"version\":1}]}");
        var items = Enumerable.Range(0, 1001).Select(i => new { request_id = $"r{i}", actual = "rain" });

        await ExpectAsync(400, ErrorCode.InvalidParameterValue, "at most 1000", HttpMethod.Post, $"{Api}/{name}/feedback", JsonSerializer.Serialize(new { feedback = items }));
    }

    [Fact]
    public async Task Change_WithAnOverlongUserHeader_Is400()
    {
        var (status, body) = await server.SendAsync(HttpMethod.Post, Api,
            "{\"name\":\"" + UniqueName() + "\",\"variants\":[{\"name\":\"a\",\"model\":\"" + server.Model + "\",\"version\":1}]}", user: new string('u', 300));

        Assert.Equal(400, status);
        Assert.Contains("Invalid user", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
