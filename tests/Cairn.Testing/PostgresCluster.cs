using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Cairn.Testing;

/// <summary>
/// One private PostgreSQL cluster: <c>initdb</c> into a fresh directory under the temp folder, then the
/// <c>postgres</c> server as a child process on a free 127.0.0.1 port (TCP only, trust auth, durability
/// settings off because the data is thrown away), stopped with <c>pg_ctl stop -m fast</c>.
/// </summary>
internal sealed class PostgresCluster
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(30);

    private readonly PostgresBinaries _binaries;
    private readonly string _root;
    private readonly StringBuilder _log = new();
    private Process? _server;
    private Process? _watchdog;

    private PostgresCluster(PostgresBinaries binaries, string root)
    {
        _binaries = binaries;
        _root = root;
    }

    public int Port { get; private set; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
    }.ConnectionString;

    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken)
    {
        var binaries = PostgresBinaries.Locate();
        var root = Path.Combine(Path.GetTempPath(), $"cairn-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var cluster = new PostgresCluster(binaries, root);
        try
        {
            cluster.StartWatchdog();
            await cluster.InitAsync(cancellationToken);
            await cluster.RunServerAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.StopAsync(CancellationToken.None);
            throw;
        }
    }

    public bool IsRunning => _server is { HasExited: false };

    /// <summary><c>pg_ctl stop -m fast</c> (rolls back open transactions, closes sessions), then removes the directory.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { HasExited: false } server)
        {
            var stop = _binaries.StartInfo("pg_ctl", _root, "stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "20");
            var result = await ProcessRun.RunAsync(stop, StopDeadline, cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(StopDeadline);
            try
            {
                await server.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                server.Kill(entireProcessTree: true);
                throw new TimeoutException($"The PostgreSQL test server did not stop ({result.Command}: {result.Output}).");
            }
        }

        _server?.Dispose();
        _server = null;
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the watchdog and the OS temp cleaner; the server is down, which is what matters.
        }

        // Releasing the lifeline lets the watchdog exit; it finds nothing left to do.
        _watchdog?.Dispose();
        _watchdog = null;
    }

    /// <summary>
    /// The test host is killed moments after its last test (and may crash), too late to stop a server from
    /// inside. So a detached shell holds the read end of a pipe whose write end only this process holds:
    /// when the process is gone, for whatever reason, the shell reads end-of-file, stops the server and
    /// deletes the directory. No polling, and nothing is left running after a test run.
    /// </summary>
    private void StartWatchdog()
    {
        var asPostgres = _binaries.RunAsSystemUser ? "setpriv --reuid=postgres --regid=postgres --init-groups -- " : "";
        var script = $"""
            exec >/dev/null 2>&1
            cat
            {asPostgres}'{Path.Combine(_binaries.BinDirectory, "pg_ctl")}' stop -D '{DataDirectory}' -m fast -w -t 20
            rm -rf '{_root}'
            """;
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-f", "sh", "-c", script })
        {
            info.ArgumentList.Add(arg);
        }

        _watchdog = Process.Start(info) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog (setsid).");
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        await _binaries.GiveToSystemUserAsync(_root, cancellationToken);
        var init = _binaries.StartInfo("initdb", _root,
            "-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
        var result = await ProcessRun.RunAsync(init, StartDeadline, cancellationToken);
        result.ThrowIfFailed("initdb");

        // Appending keeps the file owned by the postgres user; later settings win over initdb's.
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), """

            # Cairn test fixture: loopback TCP only, no unix socket, no durability (the data is thrown away).
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 300
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            logging_collector = off
            """, cancellationToken);
    }

    private async Task RunServerAsync(CancellationToken cancellationToken)
    {
        // The free port is found by binding port 0 and releasing it, so another process may take it first:
        // postgres then exits at once with "could not bind", and we try another port.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            StartProcess();
            var ready = await WaitUntilReadyAsync(cancellationToken);
            if (ready)
            {
                return;
            }

            var log = LogText();
            if (attempt >= 3 || !log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The PostgreSQL test server did not start (port {Port}). Server log:\n{log}");
            }
        }
    }

    private void StartProcess()
    {
        var info = _binaries.StartInfo("postgres", _root, "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _server?.Dispose();
        _server = new Process { StartInfo = info };
        _server.OutputDataReceived += (_, e) => AppendLog(e.Data);
        _server.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        _server.Start();
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
    }

    /// <summary>Polls a real connection until it opens (true), the server exits (false) or the deadline passes.</summary>
    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        var watch = Stopwatch.StartNew();
        Exception? last = null;
        while (watch.Elapsed < StartDeadline)
        {
            if (_server!.HasExited)
            {
                await _server.WaitForExitAsync(cancellationToken); // flushes the redirected output into the log
                return false;
            }

            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(cancellationToken);
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or SocketException)
            {
                last = e;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        throw new TimeoutException(
            $"The PostgreSQL test server on port {Port} did not accept connections within {StartDeadline.TotalSeconds:0} s " +
            $"(last error: {last?.Message}). Server log:\n{LogText()}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            // Keep the tail: enough to explain a failure without growing for the whole run.
            if (_log.Length > 64 * 1024)
            {
                _log.Remove(0, _log.Length / 2);
            }

            _log.AppendLine(line);
        }
    }

    private string LogText()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }
}
