using System.Net;
using Cairn.Storage;
using Microsoft.Extensions.Options;

namespace Cairn.Server.Hosting;

/// <summary>Checks the server and storage options at start-up and says exactly what is wrong.</summary>
public sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"--port must be between 0 and 65535 (got {options.Port}).");
        }

        if (string.IsNullOrWhiteSpace(options.Host) || (options.Host != "localhost" && options.Host != "*" && !IPAddress.TryParse(options.Host, out _)))
        {
            failures.Add($"--host must be an IP address, 'localhost' or '*' (got '{options.Host}').");
        }

        if (options.LogFormat is not ("text" or "json"))
        {
            failures.Add($"--log-format must be 'text' or 'json' (got '{options.LogFormat}').");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add($"MaxRequestBodyBytes must be at least 1024 (got {options.MaxRequestBodyBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Storage options are plain values; they are checked here too so both fail the same way.</summary>
    public static IReadOnlyList<string> ValidateStorage(StorageOptions storage)
    {
        var failures = new List<string>();
        if (storage.UsesPostgres)
        {
            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(storage.Database);
            }
            catch (ArgumentException e)
            {
                failures.Add($"--database is not a valid PostgreSQL connection string: {e.Message}");
            }
        }

        foreach (var (flag, dir) in new[] { ("CAIRN_HOME", storage.Home), ("--artifacts", storage.ArtifactRoot) })
        {
            if (File.Exists(dir))
            {
                failures.Add($"{flag} '{dir}' is a file; it must be a directory.");
            }
        }

        return failures;
    }
}
