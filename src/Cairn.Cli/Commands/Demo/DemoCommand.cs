using System.CommandLine;

namespace Cairn.Cli.Commands.Demo;

/// <summary>
/// <c>cairn demo</c>: the closed loop on real data, hands-off — train a champion, deploy it, replay held-out
/// days (no drift), replay 2014 as traffic with feedback a week late until the monitor sees drift, let the
/// drift trigger retrain, gate the candidate, roll it out progressively under analysis, then show a
/// deliberately worse candidate rolled back — printing a timeline, then leaving the server running.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var home = new Option<string>("--home")
        {
            Description = $"Directory for the demo's server state (SQLite, artifacts, pipelines, data); recreated on every run. Default: ./{DemoSettings.DefaultHome}.",
            HelpName = "dir",
            DefaultValueFactory = _ => DemoSettings.DefaultHome,
        };
        var port = new Option<int>("--port") { Description = "TCP port of the demo's server (0 picks a free one).", DefaultValueFactory = _ => 5000 };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop the server and exit when the story is told (default: keep serving until Ctrl+C)." };
        var fast = new Option<bool>("--fast") { Description = "Fewer clients per replayed day and shorter rollout steps (same story, less traffic)." };
        var command = new Command("demo", "Run the closed loop on Seattle weather: train, deploy, drift, retrain, gate, canary, promote or roll back.")
        {
            home, port, noServe, fast,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                throw new CliUsageException($"--port must be between 0 and 65535 (got {portValue}).");
            }

            var settings = new DemoSettings
            {
                Home = Path.GetFullPath(parse.GetValue(home)!),
                Port = portValue,
                Serve = !parse.GetValue(noServe),
                Json = context.WantsJson(parse),
                Fast = parse.GetValue(fast),
            };
            var interactive = ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;
            var timeline = new DemoTimeline(context.Out, context.Error, settings.Json, TimeProvider.System, interactive);
            var runner = new DemoRunner(settings, timeline, context);
            return await runner.RunAsync(cancellationToken);
        });
        return command;
    }
}
