using Cairn.Core.Serving;
using Cairn.Serving.PredictionLog;
using Cairn.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cairn.Serving.Tests.PredictionLog;

/// <summary>The prediction log inside a real generic host: registration, start-up validation and a graceful stop.</summary>
public sealed class PredictionLogHostTests
{
    [Fact]
    public async Task HostStop_AfterNRecords_LeavesNRowsOnDisk()
    {
        using var directory = new TempDirectory("cairn-predlog-host");
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPredictionLog(o =>
        {
            o.Directory = directory.Path;
            o.FlushInterval = TimeSpan.FromMinutes(5); // nothing is written before the stop unless a batch fills
            o.BatchSize = 4096;
        });
        using var host = builder.Build();
        await host.StartAsync();
        var log = host.Services.GetRequiredService<IPredictionLog>();
        const int n = 10_000;
        var start = PredictionLogHarness.Ms(2026, 3, 1);
        for (var i = 0; i < n; i++)
        {
            Assert.True(log.TryRecord(PredictionLogHarness.Record($"r{i}", start + i)));
        }

        await host.StopAsync();

        var read = await host.Services.GetRequiredService<PredictionLogReader>()
            .ReadAsync(new PredictionLogQuery { Deployment = "weather", Outputs = PredictionOutputs.None, Features = [] }, CancellationToken.None);
        Assert.Equal(n, read.RowCount);
        Assert.Equal(new PredictionLogStats(0, n, 0, 0), log.Stats);
    }

    [Fact]
    public async Task HostStart_WithInvalidOptions_FailsNamingTheKey()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPredictionLog(o => o.SampleRate = 2);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cairn:PredictionLog:SampleRate must be between 0 and 1", error.Message, StringComparison.Ordinal);
    }
}
