using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cairn.Bench.Serving;

/// <summary>
/// This executable started again in server mode, as its own process (so the load tool, the server and the
/// driver do not share a runtime), on a fresh home directory; disposed, it is killed and its home deleted.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _home;

    private ServerProcess(Process process, string home, Uri address)
    {
        _process = process;
        _home = home;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(bool predictionLog)
    {
        var home = Path.Combine(Path.GetTempPath(), "cairn-bench-serving-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(home);
        var port = FreePort();
        var arguments = $"--serve --port {port} --home \"{home}\"" + (predictionLog ? "" : " --no-prediction-log");
        var self = Environment.ProcessPath!;
        var start = self.EndsWith("dotnet", StringComparison.Ordinal)
            ? new ProcessStartInfo(self, $"\"{typeof(ServerProcess).Assembly.Location}\" {arguments}")
            : new ProcessStartInfo(self, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[server] " + e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[server] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, home, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri("health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process: the temp directory is cleaned up later by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
