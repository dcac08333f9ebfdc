using System.CommandLine;
using Cairn.Client;

namespace Cairn.Cli;

/// <summary>What every command needs: the output writers and the global options.</summary>
public sealed class CliContext
{
    public const string DefaultServer = "http://127.0.0.1:5000";

    public CliContext(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;
        Server = new Option<string>("--server")
        {
            Description = $"The Cairn server's URL (default: $CAIRN_SERVER or {DefaultServer}).",
            HelpName = "url",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CAIRN_SERVER") is { Length: > 0 } env ? env : DefaultServer,
        };
        Server.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!TryParseServer(value, out _))
            {
                result.AddError($"--server must be an absolute http:// or https:// URL (got '{value}').");
            }
        });
        Json = new Option<bool>("--json") { Description = "Print machine-readable JSON (the API's objects) instead of tables.", Recursive = true };
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public Option<string> Server { get; }

    public Option<bool> Json { get; }

    public bool WantsJson(ParseResult parse) => parse.GetValue(Json);

    public Uri ServerUri(ParseResult parse) =>
        TryParseServer(parse.GetValue(Server), out var uri) ? uri : new Uri(DefaultServer);

    /// <summary>A client for one command: few retries, so an interactive command fails fast.</summary>
    public CairnClient CreateClient(ParseResult parse) =>
        new(ServerUri(parse), new CairnClientOptions { MaxRetries = 2, RequestTimeout = TimeSpan.FromSeconds(60) });

    private static bool TryParseServer(string? value, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        uri = parsed;
        return true;
    }
}
