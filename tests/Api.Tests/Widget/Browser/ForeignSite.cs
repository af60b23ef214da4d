using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Engagement.Api.Tests.Widget.Browser;

/// <summary>
/// A website on another origin than the platform (its own Kestrel on another loopback port), serving the pages a test
/// gives it, each with its own Content-Security-Policy, as a government site would embed the widget.
/// </summary>
public sealed class ForeignSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (string Html, string? Policy)> _pages = new();
    private readonly WebApplication _app;

    private ForeignSite(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>The site's origin, <c>http://127.0.0.1:port</c>, without a trailing slash.</summary>
    public Uri Origin { get; }

    /// <summary>The origin as a widget key lists it.</summary>
    public string OriginText => Origin.GetLeftPart(UriPartial.Authority);

    public static async Task<ForeignSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = default(ForeignSite);
        // Chromium asks every site for its icon after the page loads; a 404 would be logged as a console error, and
        // whether it lands before a test reads the console is a matter of timing.
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet("/pages/{id}", (string id, HttpContext http) =>
        {
            if (!site!._pages.TryGetValue(id, out var page))
                return Results.NotFound();
            if (page.Policy is not null)
                http.Response.Headers.ContentSecurityPolicy = page.Policy;
            return Results.Content(page.Html, "text/html; charset=utf-8");
        });
        await app.StartAsync();
        site = new ForeignSite(app, new Uri(app.Urls.Single()));
        return site;
    }

    /// <summary>Serves <paramref name="html"/> at a fresh address, with the given policy header if any.</summary>
    public Uri Serve(string html, string? contentSecurityPolicy = null)
    {
        var id = Guid.NewGuid().ToString("N");
        _pages[id] = (html, contentSecurityPolicy);
        return new Uri(Origin, $"/pages/{id}");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
