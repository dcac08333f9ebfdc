using System.CommandLine;
using Cairn.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn server</c>: runs the server in the foreground until Ctrl+C.</summary>
internal static class ServerCommand
{
    public static Command Create(CliContext context)
    {
        var host = new Option<string>("--host") { Description = "Address to listen on: an IP address, 'localhost' or '*'.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "TCP port; 0 picks a free one.", DefaultValueFactory = _ => 5000 };
        var logFormat = new Option<string>("--log-format") { Description = "'text' (one line per event) or 'json' (structured, one JSON object per line).", DefaultValueFactory = _ => "text" };
        var storage = new StorageArguments();
        var command = new Command("server", "Run the Cairn server (MLflow-compatible tracking, registry and artifact proxy).") { host, port, logFormat };
        storage.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storageOptions = storage.Bind(parse);
            var server = new ServerOptions { Host = parse.GetValue(host)!, Port = parse.GetValue(port), LogFormat = parse.GetValue(logFormat)! };

            // Checked here as well as at host start-up, where a failure would first be logged with a stack trace.
            if (new ServerOptionsValidator().Validate(null, server) is { Failed: true } invalid)
            {
                throw new OptionsValidationException(nameof(ServerOptions), typeof(ServerOptions), invalid.Failures);
            }

            await using var app = CairnServer.Build(server, storageOptions);
            await app.StartAsync(cancellationToken);
            var (provider, location) = StorageArguments.Describe(storageOptions);
            await context.Out.WriteLineAsync($"Cairn server listening on {app.BoundAddress()}");
            await context.Out.WriteLineAsync($"  metadata:  {provider} {location}");
            await context.Out.WriteLineAsync($"  artifacts: {Path.GetFullPath(storageOptions.ArtifactRoot)}");
            await context.Out.WriteLineAsync("Press Ctrl+C to stop.");
            await context.Out.FlushAsync(cancellationToken);

            // Ctrl+C reaches us twice (the host's console lifetime and our token); either one stops Kestrel gracefully.
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
