using System.Collections.Concurrent;
using Cairn.Cli;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Cairn.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Cairn.Ui.Tests;

/// <summary>
/// One real Cairn server for every UI test, holding real data: <c>cairn demo --fast</c> (the example
/// pipelines, a deployment with traffic and feedback, drift reports, a retraining run and two rollouts)
/// runs into a home, then a server is started over that home, hostile names are added
/// (<see cref="UiSeed"/>), and Debian's chromium is driven by Playwright.
/// </summary>
public sealed class UiFixture : IAsyncLifetime
{
    private readonly TempDirectory _home = new("cairn-ui");
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Debian's chromium (CAIRN_TEST_CHROMIUM overrides it); test.sh installs the package.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CAIRN_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Where each test run saves its page screenshots: tests/Cairn.Ui.Tests/TestResults/screenshots.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Repository.Root, "tests", "Cairn.Ui.Tests", "TestResults", "screenshots");

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Home => _home.Path;

    public UiSeed Seed { get; private set; } = null!;

    public WebApplication App => _app ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        await RunDemoAsync();
        _app = CairnServer.Build(new ServerOptions { Port = 0 }, new StorageOptions { Home = _home.Path }, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        });
        await _app.StartAsync();
        BaseAddress = _app.BoundAddress();
        Http = new HttpClient { BaseAddress = BaseAddress };
        Seed = await UiSeed.CreateAsync(Http);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine's network is closed: keep chromium from phoning home at every start.
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _home.Dispose();
    }

    /// <summary>
    /// A fresh browser page (own context) opened at <paramref name="path"/>, which records the page's
    /// script errors and failed requests in <see cref="UiPage.Problems"/>.
    /// </summary>
    public async Task<UiPage> OpenAsync(string path)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var ui = new UiPage(page);
        var response = await page.GotoAsync(path);
        ui.Status = response?.Status ?? 0;
        return ui;
    }

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/<paramref name="name"/>.png.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    private async Task RunDemoAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CairnCli.RunAsync(["demo", "--home", _home.Path, "--port", "0", "--no-serve", "--fast", "--json"], stdout, stderr, timeout.Token);
        if (exit != 0)
        {
            throw new InvalidOperationException($"cairn demo failed with exit code {exit}:\n{stderr}\n{stdout}");
        }
    }
}

/// <summary>A browser page and what went wrong on it (script errors, 4xx/5xx responses).</summary>
public sealed class UiPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();

    public UiPage(IPage page)
    {
        Page = page;
        page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Enqueue($"console error: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Enqueue($"HTTP {response.Status} for {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The status of the navigation that opened the page.</summary>
    public int Status { get; set; }

    public IReadOnlyCollection<string> Problems => [.. _problems];

    /// <summary>Fails the test if the page had script errors or failed requests.</summary>
    public void AssertNoProblems() => Assert.True(_problems.IsEmpty, "problems on the page:\n" + string.Join('\n', _problems));

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFixture>
{
    public const string Name = "ui";
}
