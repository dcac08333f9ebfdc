using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Cairn.Serving.Metrics;
using Microsoft.AspNetCore.Hosting;

namespace Cairn.Server.Metrics;

/// <summary>
/// Counts and times the requests of the non-serving HTTP APIs (tracking, registry, artifacts, datasets,
/// pipelines, deployments management) by method, route template and status code. Labels use the route
/// template (<c>/api/2.0/mlflow/runs/get</c>, <c>/api/v1/datasets/{name}</c>), never the raw path, so the
/// number of series is bounded by the routes. Inference routes are skipped: they have their own metrics
/// and this keeps their hot path untouched.
/// </summary>
public sealed class HttpApiMetrics
{
    private static readonly string[] KnownMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

    private readonly ConcurrentDictionary<(string Method, string Route, int Code), LatencyHistogram> _series = new();

    public void Record(string method, string route, int code, double seconds)
    {
        var key = (KnownMethods.Contains(method) ? method : "OTHER", route, code);
        if (!_series.TryGetValue(key, out var cell))
        {
            if (_series.Count >= ServingMetrics.MaxSeries)
            {
                key = (key.Item1, ServingMetrics.OverflowLabel, code);
            }

            cell = _series.GetOrAdd(key, static _ => new LatencyHistogram());
        }

        cell.Observe(seconds);
    }

    public void WriteTo(PrometheusTextWriter writer)
    {
        var series = _series
            .Select(p => (p.Key, Snapshot: p.Value.Snapshot()))
            .OrderBy(s => s.Key.Route, StringComparer.Ordinal).ThenBy(s => s.Key.Method, StringComparer.Ordinal).ThenBy(s => s.Key.Code)
            .ToList();
        writer.CountedLatency(
            ("cairn_http_requests_total", "Requests of the tracking, registry, artifact, data, pipeline and deployment APIs by method, route template and status code."),
            ("cairn_http_request_duration_seconds", "Latency of those requests in seconds."),
            [.. series.Select(s => (Labels(s.Key), s.Snapshot))]);
    }

    private static (string, string)[] Labels((string Method, string Route, int Code) key) =>
        [("method", key.Method), ("route", key.Route), ("code", key.Code.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Puts the timing middleware first in the pipeline (it reads the matched endpoint after the request ran).</summary>
    internal sealed class StartupFilter(HttpApiMetrics metrics) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var path = context.Request.Path;
                if (path.StartsWithSegments("/v2") || path.StartsWithSegments("/metrics") || (path.Value?.EndsWith("/predict", StringComparison.Ordinal) ?? false))
                {
                    await nextMiddleware(context);
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                var failed = true;
                try
                {
                    await nextMiddleware(context);
                    failed = false;
                }
                finally
                {
                    metrics.Record(context.Request.Method, RouteOf(context), failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode,
                        Stopwatch.GetElapsedTime(started).TotalSeconds);
                }
            });
            next(app);
        };

        /// <summary>The matched route template; unmatched requests (404 fallback) share one label.</summary>
        private static string RouteOf(HttpContext context)
        {
            var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            return template is null or "{**path:nonfile}" or "{*path:nonfile}" ? "unmatched" : "/" + template.TrimStart('/');
        }
    }
}
