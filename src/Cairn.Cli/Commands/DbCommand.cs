using System.CommandLine;
using Cairn.Cli.Output;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn db upgrade</c>: applies pending metadata migrations without starting the server.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var storage = new StorageArguments();
        var upgrade = new Command("upgrade", "Apply pending metadata-store migrations (the server also does this at start-up).");
        storage.AddTo(upgrade);
        upgrade.SetAction(async (parse, cancellationToken) =>
        {
            var options = storage.Bind(parse);

            // The server's own container, so the CLI migrates exactly what the server would; Kestrel is never started.
            await using var app = CairnServer.Build(new ServerOptions { Port = 0 }, options, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
            var applied = await app.Services.GetRequiredService<MetadataMigrator>().MigrateAsync(cancellationToken);
            var (provider, location) = StorageArguments.Describe(options);
            if (context.WantsJson(parse))
            {
                CliJson.Write(context.Out, new DbUpgradeResult(provider, location, applied));
                return ExitCodes.Ok;
            }

            await context.Out.WriteLineAsync($"Metadata store: {provider} {location}");
            if (applied.Count == 0)
            {
                await context.Out.WriteLineAsync("Already up to date: no pending migrations.");
            }
            else
            {
                await context.Out.WriteLineAsync($"Applied {applied.Count} migration(s):");
                foreach (var migration in applied)
                {
                    await context.Out.WriteLineAsync($"  {migration}");
                }
            }

            return ExitCodes.Ok;
        });
        return new Command("db", "Manage the metadata store.") { upgrade };
    }
}
