using System.Net;
using Cairn.Serving.Metrics;
using Cairn.Server.Tests.Tracking;
using Cairn.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Metrics;

[Collection(SqliteServerCollection.Name)]
public sealed class MetricsEndpointTests(CairnServerFixture server)
{
    [Fact]
    public async Task GetMetrics_AnswersPrometheusTextWithTheRecordedRequests()
    {
        var deployment = $"metrics-{Guid.NewGuid():N}";
        var metrics = server.App.Services.GetRequiredService<IServingMetrics>();
        metrics.RecordRequest(deployment, "champion", "oip", 200, 0.0004);
        metrics.RecordRequest(deployment, "champion", "oip", 200, 0.002);
        metrics.RecordModelLoad(deployment, 1, 0.8);

        using var response = await server.Http.GetAsync(new Uri(server.BaseAddress, "/metrics"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        var families = PrometheusText.Parse(text);
        Assert.Equal(2, families["cairn_requests_total"].Samples.Single(s => s["deployment"] == deployment).Value);
        var buckets = families["cairn_request_duration_seconds"].Samples
            .Where(s => s["deployment"] == deployment && s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
        Assert.Equal(1, buckets.Single(s => s["le"] == "0.0005").Value);
        Assert.Equal(2, buckets.Single(s => s["le"] == "0.0025").Value);
        Assert.Equal(0.8, families["cairn_model_load_seconds"].Samples.Single(s => s["model"] == deployment).Value);
    }

    [Fact]
    public async Task GetMetrics_CountsApiRequestsByRouteTemplate_NotByRawPath()
    {
        var unknown = $"/no-such-route-{Guid.NewGuid():N}";
        for (var i = 0; i < 2; i++)
        {
            using var found = await server.Http.GetAsync(new Uri(server.BaseAddress, "/api/2.0/mlflow/experiments/get?experiment_id=0"));
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        }

        using (var missing = await server.Http.GetAsync(new Uri(server.BaseAddress, unknown)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using var response = await server.Http.GetAsync(new Uri(server.BaseAddress, "/metrics"));
        var text = await response.Content.ReadAsStringAsync();

        var requests = PrometheusText.Parse(text)["cairn_http_requests_total"].Samples;
        Assert.True(requests.Single(s => s["method"] == "GET" && s["route"] == "/api/2.0/mlflow/experiments/get" && s["code"] == "200").Value >= 2);
        Assert.True(requests.Single(s => s["route"] == "unmatched" && s["code"] == "404").Value >= 1);
        Assert.DoesNotContain(unknown, text, StringComparison.Ordinal);
        Assert.DoesNotContain(requests, s => s["route"]!.StartsWith("/metrics", StringComparison.Ordinal));
    }

    [Fact]
    public void ServingMetrics_IsOneInstanceForTheInterfaceAndTheExporter() =>
        Assert.Same(server.App.Services.GetRequiredService<ServingMetrics>(), server.App.Services.GetRequiredService<IServingMetrics>());
}
