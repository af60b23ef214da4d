using Microsoft.Playwright;

namespace Engagement.Api.Tests.Widget.Browser;

/// <summary>
/// What the widget's browser tests stand on: the system Chromium starts under Playwright, loads pages from a local
/// Kestrel site, and the page probe catches the policy violations and globals the widget tests assert are absent.
/// </summary>
public sealed class BrowserInfrastructureTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private ForeignSite? _site;

    private ForeignSite Site => _site ?? throw new InvalidOperationException("The site has not started.");

    public async Task InitializeAsync() => _site = await ForeignSite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [BrowserFact]
    public async Task Chromium_loads_a_page_from_a_local_Kestrel_site()
    {
        var address = Site.Serve("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Smoke</title></head>
            <body><h1>Served by Kestrel</h1></body></html>
            """);
        await using var context = await chromium.NewContextAsync();
        var watch = await PageWatch.OpenAsync(context);

        var response = await watch.Page.GotoAsync(address.ToString());

        Assert.Equal(200, response!.Status);
        Assert.Equal("Smoke", await watch.Page.TitleAsync());
        Assert.Equal("Served by Kestrel", await watch.Page.GetByRole(AriaRole.Heading).TextContentAsync());
        Assert.Empty(await watch.ViolationsAsync());
        Assert.Empty(await watch.NewGlobalsAsync());
        Assert.Empty(watch.PageErrors);
    }

    [BrowserFact]
    public async Task The_probe_reports_an_inline_style_that_the_policy_blocks_and_a_global_a_script_defines()
    {
        var address = Site.Serve("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blocked</title></head>
            <body><p style="color: red">Styled inline</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""></body></html>
            """, "default-src 'self'; style-src 'self'; img-src 'self'");
        await using var context = await chromium.NewContextAsync();
        var watch = await PageWatch.OpenAsync(context);

        await watch.Page.GotoAsync(address.ToString());
        await watch.Page.WaitForFunctionAsync("() => window.__testProbe.violations.length >= 2");
        await watch.Page.EvaluateAsync("() => { window.leaked = 1; }");

        var violations = await watch.ViolationsAsync();
        Assert.Contains(violations, v => v.StartsWith("style-src-attr blocked inline", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("img-src blocked data", StringComparison.Ordinal));
        Assert.Equal(["leaked"], await watch.NewGlobalsAsync());
    }
}
