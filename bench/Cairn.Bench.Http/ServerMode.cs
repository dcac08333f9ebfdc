using Cairn.Server.Hosting;
using Cairn.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Cairn.Bench.Http;

/// <summary>The benchmark's own server process: the same composition root as <c>cairn server</c>, quiet logs.</summary>
internal static class ServerMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name) => args[Array.IndexOf(args, name) + 1];
        var storage = new StorageOptions { Home = Arg("--home"), Database = args.Contains("--database") ? Arg("--database") : null };
        var app = CairnServer.Build(new ServerOptions { Port = int.Parse(Arg("--port"), System.Globalization.CultureInfo.InvariantCulture) }, storage,
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.RunAsync();
        return 0;
    }
}
