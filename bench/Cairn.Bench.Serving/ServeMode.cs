using Cairn.Core.Serving;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Cairn.Bench.Serving;

/// <summary>
/// The benchmark's server process: the composition root of <c>cairn server</c> with quiet logs; with
/// <c>--no-prediction-log</c> the prediction log is replaced by one that records nothing, to measure what
/// logging costs.
/// </summary>
internal static class ServeMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name) => args[Array.IndexOf(args, name) + 1];
        var app = CairnServer.Build(
            new ServerOptions { Port = int.Parse(Arg("--port"), System.Globalization.CultureInfo.InvariantCulture) },
            new StorageOptions { Home = Arg("--home") },
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                if (args.Contains("--no-prediction-log"))
                {
                    builder.Services.RemoveAll<IPredictionLog>();
                    builder.Services.AddSingleton<IPredictionLog, DiscardingPredictionLog>();
                }
            });
        await app.RunAsync();
        return 0;
    }

    private sealed class DiscardingPredictionLog : IPredictionLog
    {
        public PredictionLogStats Stats => default;

        public bool TryRecord(PredictionRecord record) => true;
    }
}
