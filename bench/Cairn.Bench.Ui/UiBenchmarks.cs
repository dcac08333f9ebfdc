using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cairn.Core.Paging;

namespace Cairn.Bench.Ui;

/// <summary>One page measured: the UI's time to first byte and full body, and the same data through the JSON API.</summary>
internal sealed record UiResult(string Name, double TtfbP50, double TtfbP95, double FullP50, double ApiP50, string ApiCall, int Rows);

/// <summary>
/// Each case requests the UI page and its API twin alternately (so machine noise hits both alike), after
/// warm-up requests, on one keep-alive connection; the UI's TTFB is the time to the response headers
/// (static SSR renders the whole page before it sends them, so this is the server's full work).
/// </summary>
internal static class UiBenchmarks
{
    private const int PageSize = 50;
    private const int WarmUp = 5;

    public static async Task<IReadOnlyList<UiResult>> RunAsync(UiBenchServer server, string experimentId, int runs, int iterations)
    {
        const string filter = "metrics.acc > 0.5 and params.model = 'lgbm'";
        const string order = "metrics.`acc` DESC";
        var deep = PageToken.Encode(Math.Max(0, runs - PageSize));
        var experiment = $"/experiments/{experimentId}";
        var someRun = (await server.Tracking.SearchRunsAsync([experimentId], null, null, null, 1, null, CancellationToken.None)).Items[0].Info.RunId;
        var cases = new (string Name, string Ui, string ApiName, Func<HttpRequestMessage> Api)[]
        {
            ("runs table, first page", experiment, "runs/search, 50 runs", () => Search(experimentId, null, null, null)),
            ($"filtered `{filter}`", $"{experiment}?filter={Uri.EscapeDataString(filter)}", "same filter", () => Search(experimentId, filter, null, null)),
            ($"sorted `{order}`", $"{experiment}?order={Uri.EscapeDataString(order)}", "same order_by", () => Search(experimentId, null, order, null)),
            ($"deep page (offset {runs - PageSize:#,0})", $"{experiment}?page={Uri.EscapeDataString(deep)}", "same page_token", () => Search(experimentId, null, null, deep)),
            ("sorted + deep page", $"{experiment}?order={Uri.EscapeDataString(order)}&page={Uri.EscapeDataString(deep)}", "same order_by + page_token", () => Search(experimentId, null, order, deep)),
            ("/experiments list", "/experiments", "experiments/search", () => new HttpRequestMessage(HttpMethod.Get, "/api/2.0/mlflow/experiments/search?max_results=200")),
            ("run page (10-step loss chart)", $"/runs/{someRun}", "runs/get", () => new HttpRequestMessage(HttpMethod.Get, $"/api/2.0/mlflow/runs/get?run_id={someRun}")),
        };

        var results = new List<UiResult>();
        foreach (var (name, ui, apiName, api) in cases)
        {
            var ttfb = new List<double>();
            var full = new List<double>();
            var apiTimes = new List<double>();
            var rows = 0;
            for (var i = 0; i < WarmUp + iterations; i++)
            {
                var (first, total, body) = await TimeUiAsync(server.Http, ui);
                var apiTime = await TimeApiAsync(server.Http, api());
                if (i < WarmUp)
                {
                    continue;
                }

                ttfb.Add(first);
                full.Add(total);
                apiTimes.Add(apiTime);
                rows = CountOf(body, "data-run-id=");
            }

            var result = new UiResult(name, Percentile(ttfb, 0.5), Percentile(ttfb, 0.95), Percentile(full, 0.5), Percentile(apiTimes, 0.5), apiName, rows);
            Console.Error.WriteLine($"{name}: TTFB p50 {result.TtfbP50:0.0} ms, p95 {result.TtfbP95:0.0} ms; API {result.ApiP50:0.0} ms; {rows} rows");
            results.Add(result);
        }

        return results;
    }

    public static string MarkdownTable(IEnumerable<UiResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| page | UI TTFB p50 | UI TTFB p95 | UI full page p50 | target | same-run baseline | baseline p50 | ratio (UI / API) | rows |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | **{r.TtfbP50:0.0} ms** | {r.TtfbP95:0.0} ms | {r.FullP50:0.0} ms | ≤ 300 ms | {r.ApiCall} | {r.ApiP50:0.0} ms | {r.TtfbP50 / r.ApiP50:0.0}× | {r.Rows} |");
        }

        return sb.ToString();
    }

    private static HttpRequestMessage Search(string experimentId, string? filter, string? order, string? pageToken) =>
        new(HttpMethod.Post, "/api/2.0/mlflow/runs/search")
        {
            Content = JsonContent.Create(new Dictionary<string, object?>
            {
                ["experiment_ids"] = new[] { experimentId },
                ["filter"] = filter,
                ["order_by"] = order is null ? null : new[] { order },
                ["max_results"] = PageSize,
                ["page_token"] = pageToken,
            }),
        };

    private static async Task<(double Ttfb, double Total, string Body)> TimeUiAsync(HttpClient http, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var ttfb = watch.Elapsed.TotalMilliseconds;
        var body = await response.Content.ReadAsStringAsync();
        var total = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
        }

        return (ttfb, total, body);
    }

    private static async Task<double> TimeApiAsync(HttpClient http, HttpRequestMessage request)
    {
        var watch = Stopwatch.StartNew();
        using (request)
        using (var response = await http.SendAsync(request))
        {
            _ = await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
