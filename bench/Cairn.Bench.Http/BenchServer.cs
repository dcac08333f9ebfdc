using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cairn.Testing;

namespace Cairn.Bench.Http;

/// <summary>Starts this executable in server mode as a child process and waits until it answers /health.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _home;

    private BenchServer(Process process, TempDirectory home, Uri address)
    {
        _process = process;
        _home = home;
        Address = address;
        Http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = 1 })
        {
            BaseAddress = address,
        };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<BenchServer> StartAsync(string backend)
    {
        var home = new TempDirectory("cairn-bench");
        var port = FreePort();
        var database = backend == "postgres" ? await PostgresDatabases.CreateAsync("bench") : null;
        var self = Environment.ProcessPath!;
        var arguments = $"--serve --port {port} --home \"{home.Path}\"" + (database is null ? "" : $" --database \"{database}\"");
        var start = self.EndsWith("dotnet", StringComparison.Ordinal)
            ? new ProcessStartInfo(self, $"\"{typeof(BenchServer).Assembly.Location}\" {arguments}")
            : new ProcessStartInfo(self, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[server] " + e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[server] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new BenchServer(process, home, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await server.Http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _home.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
