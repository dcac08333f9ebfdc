using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Server.Tests.Registry;

/// <summary>Shortcuts for setting up models and versions over HTTP.</summary>
public abstract class RegistryTestBase(CairnServerFixture server)
{
    protected HttpClient Http => server.Http;

    protected static string UniqueName(string prefix = "model") => $"{prefix}-{Guid.NewGuid():N}";

    protected async Task<string> CreateModelAsync(string? name = null, object? tags = null)
    {
        name ??= UniqueName();
        (await Http.PostJsonAsync("registered-models/create", tags is null ? new { name } : new { name, tags })).Ok();
        return name;
    }

    protected async Task<JsonElement> CreateVersionAsync(string name, string? source = null, string? runId = null)
    {
        runId ??= Guid.NewGuid().ToString("N");
        source ??= $"mlflow-artifacts:/1/{runId}/artifacts/model";
        var body = (await Http.PostJsonAsync("model-versions/create", new { name, source, run_id = runId })).Ok();
        return body.GetProperty("model_version");
    }

    protected async Task<JsonElement> GetModelAsync(string name) =>
        (await Http.GetJsonAsync("registered-models/get", ("name", name))).Ok().GetProperty("registered_model");

    protected async Task<JsonElement> GetVersionAsync(string name, string version) =>
        (await Http.GetJsonAsync("model-versions/get", ("name", name), ("version", version))).Ok().GetProperty("model_version");

    protected async Task<JsonElement> TransitionAsync(string name, string version, string stage, bool archive = false) =>
        (await Http.PostJsonAsync("model-versions/transition-stage", new { name, version, stage, archive_existing_versions = archive }))
        .Ok().GetProperty("model_version");

    protected static string[] Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var list) ? [.. list.EnumerateArray().Select(e => e.GetString()!)] : [];

    /// <summary>The model's aliases as "alias=version" strings, sorted.</summary>
    protected static string[] Aliases(JsonElement model) =>
        model.TryGetProperty("aliases", out var list)
            ? [.. list.EnumerateArray().Select(a => $"{a.GetProperty("alias").GetString()}={a.GetProperty("version").GetString()}").Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Tags as "key=value" strings.</summary>
    protected static string[] Tags(JsonElement element) =>
        element.TryGetProperty("tags", out var list)
            ? [.. list.EnumerateArray().Select(t => $"{t.GetProperty("key").GetString()}={t.GetProperty("value").GetString()}")]
            : [];
}
