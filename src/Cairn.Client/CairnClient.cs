using Cairn.Client.Internal;

namespace Cairn.Client;

/// <summary>
/// The C# client of a Cairn server, over the MLflow REST API it speaks (so it works against an MLflow tracking
/// server too). Thread-safe; create one per server and reuse it. Requests answered 429 or 503 are retried with
/// backoff (honouring <c>Retry-After</c>); error answers throw <see cref="CairnApiException"/>; a server that cannot be
/// reached throws <see cref="HttpRequestException"/>.
/// </summary>
/// <example>
/// <code>
/// using var client = new CairnClient(new Uri("http://127.0.0.1:5000"));
/// await using var run = await client.StartRunAsync("my-experiment", runName: "baseline");
/// await run.LogParamAsync("lr", "0.1");
/// await run.LogMetricAsync("loss", 0.5, step: 1);
/// </code>
/// </example>
public sealed partial class CairnClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client for the server at <paramref name="serverUri"/> with its own <see cref="HttpClient"/>.</summary>
    /// <param name="serverUri">The server's base address, e.g. <c>http://127.0.0.1:5000</c> (a path prefix is kept).</param>
    /// <param name="options">Tuning knobs; null for the defaults.</param>
    public CairnClient(Uri serverUri, CairnClientOptions? options = null)
        : this(CreateHttpClient(options), serverUri, options, ownsHttp: true)
    {
    }

    /// <summary>
    /// Creates a client over a caller-owned <see cref="HttpClient"/> (e.g. from IHttpClientFactory) whose
    /// <see cref="HttpClient.BaseAddress"/> is the server's base address. The client does not dispose it.
    /// </summary>
    /// <param name="http">The HTTP client; its BaseAddress must be set.</param>
    /// <param name="options">Tuning knobs; null for the defaults.</param>
    public CairnClient(HttpClient http, CairnClientOptions? options = null)
        : this(http, (http ?? throw new ArgumentNullException(nameof(http))).BaseAddress
            ?? throw new ArgumentException("The HttpClient's BaseAddress must be set to the server's address.", nameof(http)), options, ownsHttp: false)
    {
    }

    private CairnClient(HttpClient http, Uri serverUri, CairnClientOptions? options, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(serverUri);
        if (!serverUri.IsAbsoluteUri || (serverUri.Scheme != Uri.UriSchemeHttp && serverUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The server URI must be an absolute http or https URI (got '{serverUri}').", nameof(serverUri));
        }

        Options = options ?? new CairnClientOptions();
        Options.Validate();
        _http = http;
        _ownsHttp = ownsHttp;

        // Relative routes resolve under the base only when it ends with '/'.
        ServerUri = serverUri.AbsoluteUri.EndsWith('/') ? serverUri : new Uri(serverUri.AbsoluteUri + "/");
    }

    /// <summary>The server's base address (always ending with '/').</summary>
    public Uri ServerUri { get; }

    /// <summary>The options this client was created with.</summary>
    public CairnClientOptions Options { get; }

    private TimeProvider Time => Options.TimeProvider;

    /// <summary>Disposes the HTTP client when this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private long NowMs() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    private static HttpClient CreateHttpClient(CairnClientOptions? options) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = (options ?? new CairnClientOptions()).RequestTimeout,
        };
}
