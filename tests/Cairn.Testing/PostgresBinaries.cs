using System.Diagnostics;

namespace Cairn.Testing;

/// <summary>
/// Finds Debian's PostgreSQL server binaries (<c>/usr/lib/postgresql/&lt;ver&gt;/bin</c>, newest first) and
/// builds the command lines that run them. PostgreSQL refuses to run as root, so under root every command
/// runs as the <c>postgres</c> system user that the Debian package creates.
/// </summary>
internal sealed class PostgresBinaries
{
    public const string MissingHint =
        "PostgreSQL server binaries (initdb, postgres, pg_ctl) were not found under /usr/lib/postgresql/<version>/bin. " +
        "Run ./test.sh, which installs postgresql, or set CAIRN_TEST_POSTGRES to the connection string of a server to use.";

    private const string DebianRoot = "/usr/lib/postgresql";
    private const string SystemUser = "postgres";

    private PostgresBinaries(string binDirectory, bool runAsSystemUser)
    {
        BinDirectory = binDirectory;
        RunAsSystemUser = runAsSystemUser;
    }

    public string BinDirectory { get; }

    /// <summary>True when this process is root, so commands switch to the <c>postgres</c> user.</summary>
    public bool RunAsSystemUser { get; }

    public static PostgresBinaries Locate()
    {
        var bin = FindDebianBin() ?? FindOnPath()
            ?? throw new InvalidOperationException(MissingHint);
        var asRoot = Environment.IsPrivilegedProcess;
        if (asRoot && !SystemUserExists())
        {
            throw new InvalidOperationException(
                $"The tests run as root and PostgreSQL refuses to run as root, but there is no '{SystemUser}' system user to run it as. " +
                "Install Debian's postgresql package (./test.sh does) or run the tests as an ordinary user.");
        }

        return new PostgresBinaries(bin, asRoot);
    }

    /// <summary>A start-info for <paramref name="tool"/> (initdb, postgres, pg_ctl) that runs as the right user.</summary>
    public ProcessStartInfo StartInfo(string tool, string workingDirectory, params string[] arguments)
    {
        var executable = Path.Combine(BinDirectory, tool);
        var info = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (RunAsSystemUser)
        {
            // setpriv execs in place (no PAM session, no extra parent process), so the Process we hold is postgres itself.
            info.FileName = "setpriv";
            foreach (var arg in new[] { $"--reuid={SystemUser}", $"--regid={SystemUser}", "--init-groups", "--", executable })
            {
                info.ArgumentList.Add(arg);
            }
        }
        else
        {
            info.FileName = executable;
        }

        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["LC_ALL"] = "C";
        return info;
    }

    /// <summary>Hands a directory to the <c>postgres</c> user when running as root (initdb insists on owning its data directory).</summary>
    public async Task GiveToSystemUserAsync(string directory, CancellationToken cancellationToken)
    {
        if (!RunAsSystemUser)
        {
            return;
        }

        var info = new ProcessStartInfo("chown") { RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-R");
        info.ArgumentList.Add($"{SystemUser}:{SystemUser}");
        info.ArgumentList.Add(directory);
        var result = await ProcessRun.RunAsync(info, TimeSpan.FromSeconds(30), cancellationToken);
        result.ThrowIfFailed($"chown {directory}");
    }

    private static string? FindDebianBin()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(DebianRoot)
            .Select(dir => (dir, version: double.TryParse(Path.GetFileName(dir), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0))
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"))
            .FirstOrDefault(HasServerTools);
    }

    private static string? FindOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServerTools);

    private static bool HasServerTools(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "postgres")) && File.Exists(Path.Combine(dir, "pg_ctl"));

    private static bool SystemUserExists() =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(SystemUser + ":", StringComparison.Ordinal));
}
