using Microsoft.Playwright;

namespace Engagement.Api.Tests.Widget.Browser;

/// <summary>
/// One headless system Chromium, driven by Playwright, shared by the tests of a class (each test opens its own
/// context, so cookies, storage and scripts never cross between tests). Launched on first use, so a class whose tests
/// are all skipped never starts it.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>
    /// How long a Playwright wait may take before the test fails: a wait that passes returns at once, and a 2-core machine
    /// running the whole suite can stall a page for many seconds (CI twice saw a 30 s wait run out).
    /// </summary>
    public const float TimeoutMs = 60_000;

    // This machine's network is closed: without these Chromium waits on connections to Google's services (component
    // updates, sync, field trials) and on QUIC probes before it serves the page. The sandbox needs user namespaces,
    // which containers lack.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    static Chromium() => Assertions.SetDefaultExpectTimeout(TimeoutMs);

    private readonly SemaphoreSlim _launching = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>A fresh context (its own cookies and storage) with the test timeouts set.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await (await BrowserAsync()).NewContextAsync(options);
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return context;
    }

    private async Task<IBrowser> BrowserAsync()
    {
        await _launching.WaitAsync();
        try
        {
            if (_browser is not null)
                return _browser;
            var executable = BrowserFactAttribute.Chromium();
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Arguments,
                Timeout = 60_000,
            });
            return _browser;
        }
        finally
        {
            _launching.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        _launching.Dispose();
    }
}
