using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Server.Hosting;

namespace Cairn.Cli.Commands.Demo;

internal sealed partial class DemoRunner
{
    /// <summary>Where to look next: URLs and cairn commands against the demo's server.</summary>
    private async Task PrintExploreAsync(bool completed, CancellationToken cancellationToken)
    {
        var server = _app.BoundAddress().ToString().TrimEnd('/');
        var serverFlag = server == CliContext.DefaultServer ? "" : $" --server {server}";
        // The web UI tells the story with charts: start there; the JSON APIs and commands follow.
        var pages = new[]
        {
            $"{server}/",
            $"{server}/deployments/{DemoSettings.Deployment}",
            $"{server}/monitoring?deployment={DemoSettings.Deployment}",
            $"{server}/pipelines/weather-retrain",
            $"{server}/models/{DemoSettings.Model}",
        };
        var urls = new[]
        {
            $"{server}/api/v1/deployments/{DemoSettings.Deployment}",
            $"{server}/api/v1/deployments/{DemoSettings.Deployment}/events",
            $"{server}/api/v1/deployments/{DemoSettings.Deployment}/monitor/reports",
            $"{server}/api/v1/rollouts",
            $"{server}/api/v1/deployments/{DemoSettings.Deployment}/predictions",
            $"{server}/metrics",
        };
        var commands = new[]
        {
            $"cairn deploy history {DemoSettings.Deployment}{serverFlag}",
            $"cairn rollout list{serverFlag}",
            $"cairn monitor reports --deployment {DemoSettings.Deployment}{serverFlag}",
            $"cairn monitor report --deployment {DemoSettings.Deployment} --last 365 --html report.html{serverFlag}",
            $"cairn pipelines triggers weather-retrain{serverFlag}",
            $"cairn pipelines runs weather-retrain{serverFlag}",
            $"cairn lineage {DemoSettings.Model}@champion{serverFlag}",
            $"cairn predict -d {DemoSettings.Deployment} --record '{{\"date\": \"2016-01-05\", \"precipitation\": 2.5, \"temp_max\": 8.3, \"temp_min\": 3.9, \"wind\": 4.1}}'{serverFlag}",
        };
        if (timeline.Json)
        {
            var summary = new JsonObject
            {
                ["completed"] = completed,
                ["server"] = server,
                ["home"] = settings.Home,
                ["outcome"] = _outcome.DeepClone(),
                ["explore"] = new JsonObject
                {
                    ["pages"] = new JsonArray([.. pages.Select(u => (JsonNode)JsonValue.Create(u))]),
                    ["urls"] = new JsonArray([.. urls.Select(u => (JsonNode)JsonValue.Create(u))]),
                    ["commands"] = new JsonArray([.. commands.Select(c => (JsonNode)JsonValue.Create(c))]),
                },
            };
            await timeline.WriteJsonAsync(summary, cancellationToken);
        }
        else
        {
            var output = context.Out;
            await output.WriteLineAsync();
            await output.WriteLineAsync(completed ? "The loop is closed. Explore what happened in the web UI:" : "The demo stopped early (see the last line above). Explore what there is in the web UI:");
            foreach (var page in pages)
            {
                await output.WriteLineAsync($"  {page}");
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync("The same through the API:");
            foreach (var url in urls)
            {
                await output.WriteLineAsync($"  {url}");
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync("  alias cairn=\"dotnet run -c Release --project src/Cairn.Cli --\"");
            foreach (var command in commands)
            {
                await output.WriteLineAsync($"  {command}");
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Told in {timeline.Elapsed.TotalSeconds:0} s; state under {settings.Home}."));
            await output.WriteLineAsync(settings.Serve ? $"The server keeps running at {server}; press Ctrl+C to stop." : "Stopping the server (--no-serve).");
            await output.FlushAsync(cancellationToken);
        }
    }
}
