using System.Net;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Common;
using Engagement.Core.Widgets;

namespace Engagement.Api.Tests.Widget.Browser;

/// <summary>
/// What the widget's browser tests share in one class: the platform on a real loopback port, a foreign site on another
/// port (so another origin) that embeds the widget, and one Chromium. Each test makes its own organisation, service
/// and key.
/// </summary>
public sealed class WidgetBrowserHost : IAsyncLifetime
{
    private ForeignSite? _site;
    private Uri? _platform;

    /// <summary>The platform. Its per-client rating limit is raised: every test's browser rates from the same address.</summary>
    public EngagementAppFactory App { get; } = SharedHost.NewApp().WithSetting("Widget:RatingsPerClientPerMinute", "100000");

    public Chromium Chromium { get; } = new();

    public ForeignSite Site => _site ?? throw new InvalidOperationException("The foreign site has not started.");

    /// <summary>The platform's base address, with a trailing slash.</summary>
    public Uri Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync()
    {
        _platform = App.StartOnLoopback();
        _site = await ForeignSite.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        if (_site is not null)
            await _site.DisposeAsync();
        await App.DisposeAsync();
    }

    /// <summary>A new service of a new organisation, and a key for it that allows the foreign site (or the given origins).</summary>
    public async Task<(string ServiceId, string Key)> CreateWidgetAsync(
        bool showAverage = true, string? language = null, string? pagePattern = null, params string[] allowedOrigins)
    {
        var organisation = await App.CreateOrganisationAsync();
        var service = await App.CreateServiceAsync(organisation.Id);
        var created = await App.Get<CreateWidgetKey>().ExecuteAsync(
            new CreateWidgetKey.Request(service.Id, allowedOrigins.Length > 0 ? allowedOrigins : [Site.OriginText], pagePattern, null, language, showAverage),
            Actor.System);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return (service.Id, created.Value.Key);
    }

    /// <summary>A page of the foreign site with the embed snippet of docs/widget.md where the widget goes.</summary>
    public Uri HostPage(string key, string htmlLang = "en", string? dataLang = null, string? contentSecurityPolicy = null, Uri? platform = null) =>
        Site.Serve(HostPageHtml(htmlLang, Snippet(platform ?? Platform, key, dataLang)), contentSecurityPolicy);

    /// <summary>A page of the foreign site with several widgets, one snippet each.</summary>
    public Uri HostPage(string htmlLang, params (string Key, string? DataLang)[] widgets) =>
        Site.Serve(HostPageHtml(htmlLang, string.Join("\n", widgets.Select(w => Snippet(Platform, w.Key, w.DataLang)))));

    /// <summary>
    /// The policy a careful government site sends: nothing inline, nothing from elsewhere but the platform's script,
    /// requests and live WebSocket.
    /// </summary>
    public string StrictPolicy()
    {
        var origin = Platform.GetLeftPart(UriPartial.Authority);
        return $"default-src 'self'; script-src 'self' {origin}; connect-src 'self' {origin} ws://{Platform.Authority}; style-src 'self'; img-src 'self'";
    }

    /// <summary>The service's rating count and average, read through the public GraphQL API.</summary>
    public async Task<(long Count, double? Average)> ResultsAsync(string serviceId)
    {
        var response = await App.Anonymous().QueryAsync("query($id: ID!) { service(id: $id) { ratingSummary { count average } } }", new { id = serviceId });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.HasErrors, response.Body);
        var summary = response.Data.GetProperty("service").GetProperty("ratingSummary");
        var average = summary.GetProperty("average");
        return (summary.GetProperty("count").GetInt64(), average.ValueKind == JsonValueKind.Null ? null : average.GetDouble());
    }

    private static string Snippet(Uri platform, string key, string? dataLang)
    {
        var lang = dataLang is null ? "" : $" data-lang=\"{dataLang}\"";
        return $"""
            <script src="{platform}widget.js" data-key="{key}"{lang} async></script>
            <noscript><a href="{platform}widget/{key}/rate">Rate this service</a></noscript>
            """;
    }

    private static string HostPageHtml(string htmlLang, string widgets) => $"""
        <!doctype html>
        <html lang="{htmlLang}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Passport renewal</title></head>
        <body>
        <main>
        <h1>Renew your passport</h1>
        <p>Apply online, by mail or in person.</p>
        {widgets}
        <p id="after">Contact us if you need help.</p>
        </main>
        </body>
        </html>
        """;
}
