using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cairn.Cli.Tests.Serving;

/// <summary>
/// A stand-in for the deployment API (<c>GET /api/v1/deployments/{name}</c>) and the records endpoint
/// (<c>POST .../predict</c>) in the shapes the deploy and host helpers' code answers, in front of a real Cairn server: every other
/// request (registry, artifact proxy) is forwarded to it. It records the predict bodies it received so
/// tests can check what the CLI sent.
/// </summary>
internal sealed class StubServingFront : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private StubServingFront(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    /// <summary>Deployment name → its variants, as the deployment API lists them.</summary>
    public ConcurrentDictionary<string, JsonArray> Deployments { get; } = new();

    public ConcurrentQueue<(JsonNode Body, string? RequestId)> PredictRequests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<StubServingFront> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var front = new StubServingFront(app, new HttpClient { BaseAddress = upstream });
        app.MapGet("/api/v1/deployments/{name}", (string name) => front.Deployments.TryGetValue(name, out var variants)
            ? Results.Json(new JsonObject { ["deployment"] = new JsonObject { ["name"] = name, ["status"] = "ACTIVE", ["variants"] = variants.DeepClone() } })
            : NotFound(name));
        app.MapPost("/api/v1/deployments/{name}/predict", async (string name, HttpContext context) =>
        {
            if (!front.Deployments.ContainsKey(name))
            {
                return NotFound(name);
            }

            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            var requestId = context.Request.Headers["X-Request-Id"].FirstOrDefault();
            front.PredictRequests.Enqueue((body, requestId));
            var predictions = new JsonArray();
            foreach (var _ in body["records"]!.AsArray())
            {
                predictions.Add(new JsonObject
                {
                    ["label"] = "sun",
                    ["score"] = 0.75,
                    ["confidence"] = 0.75,
                    ["probabilities"] = new JsonObject { ["rain"] = 0.25, ["sun"] = 0.75 },
                    ["top_k"] = new JsonArray(new JsonObject { ["label"] = "sun", ["probability"] = 0.75 }, new JsonObject { ["label"] = "rain", ["probability"] = 0.25 }),
                    ["abstained"] = false,
                });
            }

            return Results.Json(new JsonObject
            {
                ["id"] = requestId ?? "generated-id",
                ["deployment"] = name,
                ["predictions"] = predictions,
                ["variant"] = "champion",
                ["model"] = "weather",
                ["version"] = 1,
            });
        });
        // Not MapFallback(handler): its default pattern skips paths that look like files (model.zip).
        app.MapFallback("{**path}", front.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        front.BaseAddress = new Uri(address + "/");
        return front;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private static IResult NotFound(string name) =>
        Results.Json(new JsonObject { ["error_code"] = "RESOURCE_DOES_NOT_EXIST", ["message"] = $"Deployment '{name}' does not exist." }, statusCode: 404);

    private async Task ForwardAsync(HttpContext context)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            request.Content = new ByteArrayContent(buffer.ToArray());
            if (context.Request.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        using var response = await _upstream.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType.ToString();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
