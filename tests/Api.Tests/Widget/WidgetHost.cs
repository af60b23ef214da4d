using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Widgets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Api.Tests.Widget;

/// <summary>
/// One host shared by the tests of a widget test class, its limits raised so they never get in a test's way (the rate
/// limit tests have their own host). Each test makes its own organisation, service and key.
/// </summary>
public sealed class WidgetHost : IDisposable
{
    public EngagementAppFactory App { get; } = WidgetApps.New(ratingsPerClient: 100_000, ratingsPerKey: 100_000, pagesPerClient: 100_000);

    public Task<TestWidget> CreateWidgetAsync(string? pagePattern = null, bool showAverage = false, params string[] allowedOrigins) =>
        WidgetApps.CreateWidgetAsync(App, pagePattern, showAverage, allowedOrigins);

    public void Dispose() => App.Dispose();
}

/// <summary>A host with small widget limits: 5 ratings per client, 8 per key and 5 pages per client, each a minute.</summary>
public sealed class LimitedWidgetHost : IDisposable
{
    public const int RatingsPerClient = 5;
    public const int RatingsPerKey = 8;
    public const int PagesPerClient = 5;

    public EngagementAppFactory App { get; } = WidgetApps.New(RatingsPerClient, RatingsPerKey, PagesPerClient);

    public Task<TestWidget> CreateWidgetAsync(params string[] allowedOrigins) => WidgetApps.CreateWidgetAsync(App, null, false, allowedOrigins);

    public void Dispose() => App.Dispose();
}

/// <summary>A service and its widget key, made for one test.</summary>
public sealed record TestWidget(string OrganisationId, string ServiceId, WidgetKey Key)
{
    /// <summary>The public key a host page carries.</summary>
    public string PublicKey => Key.Key;

    public string ConfigPath => $"/widget/{PublicKey}/config";

    public string RatingsPath => $"/widget/{PublicKey}/ratings";

    public string RatePagePath => $"/widget/{PublicKey}/rate";
}

internal static class WidgetApps
{
    /// <summary>The origin test widgets allow unless a test names others.</summary>
    public const string Site = "https://www.example.ca";

    public static EngagementAppFactory New(int ratingsPerClient, int ratingsPerKey, int pagesPerClient) => SharedHost.NewApp()
        .WithSetting("Widget:RatingsPerClientPerMinute", ratingsPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithSetting("Widget:RatingsPerKeyPerMinute", ratingsPerKey.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithSetting("Widget:PagesPerClientPerMinute", pagesPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithServices(s => s.AddSingleton<IStartupFilter, ClientAddressFromTestHeader>());

    public static async Task<TestWidget> CreateWidgetAsync(EngagementAppFactory app, string? pagePattern, bool showAverage, string[] allowedOrigins)
    {
        var organisation = await app.CreateOrganisationAsync();
        var service = await app.CreateServiceAsync(organisation.Id);
        var key = await app.CreateWidgetKeyAsync(organisation.Id, service.Id, pagePattern, showAverage, allowedOrigins.Length > 0 ? allowedOrigins : [Site]);
        return new TestWidget(organisation.Id, service.Id, key);
    }
}

/// <summary>
/// TestServer gives every request the same (absent) remote address; this sets it from a test header, first in the
/// pipeline, so rate limit tests can speak as several clients.
/// </summary>
internal sealed class ClientAddressFromTestHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextInPipeline) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address))
                http.Connection.RemoteIpAddress = address;
            return nextInPipeline(http);
        });
        next(app);
    };
}
