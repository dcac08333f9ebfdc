namespace Cairn.Server.Hosting;

/// <summary>Options of <c>cairn server</c>: where it listens; storage options are in <see cref="Storage.StorageOptions"/>.</summary>
public sealed class ServerOptions
{
    public const string Section = "Cairn:Server";

    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free port (tests read the bound address back).</summary>
    public int Port { get; set; } = 5000;

    /// <summary>"text" (one line per event) or "json" (structured, one JSON object per line for log shippers).</summary>
    public string LogFormat { get; set; } = "text";

    /// <summary>How long a graceful stop waits for in-flight requests.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest request body accepted, in bytes (artifact uploads are exempt).</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;
}
