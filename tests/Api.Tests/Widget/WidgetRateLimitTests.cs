using System.Globalization;
using System.Net;
using Engagement.Api.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Widget;

/// <summary>
/// The widget's limits (5 ratings per client, 8 per key, 5 pages per client, each a minute, in this host): the request
/// past a limit gets 429 RATE_LIMITED with Retry-After, nothing past the limit is stored, other clients carry on. Each
/// test speaks as its own client addresses and uses its own key, so each starts with full allowances; a bucket first
/// refills 10 s after its first use, far longer than any of these tests takes.
/// </summary>
public sealed class WidgetRateLimitTests(LimitedWidgetHost host) : IClassFixture<LimitedWidgetHost>
{
    private static int _lastClient;

    private readonly EngagementAppFactory _app = host.App;
    private readonly HttpClient _client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_rating_past_the_per_client_limit_is_429_with_retry_after_and_nothing_past_the_limit_is_stored()
    {
        var widget = await host.CreateWidgetAsync();
        var client = NewClientAddress();

        for (var i = 0; i < LimitedWidgetHost.RatingsPerClient; i++)
        {
            using var accepted = await RateAsync(widget, client);
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }
        using var refused = await RateAsync(widget, client);

        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        AssertRetryAfter(refused);
        Assert.Equal(WidgetApps.Site, refused.Header("Access-Control-Allow-Origin"));
        await _app.AssertRatingCountAsync(widget.ServiceId, LimitedWidgetHost.RatingsPerClient);
    }

    [Fact]
    public async Task Another_client_keeps_rating_while_one_client_is_limited()
    {
        var widget = await host.CreateWidgetAsync();
        var abusive = NewClientAddress();
        for (var i = 0; i <= LimitedWidgetHost.RatingsPerClient; i++)
            await RateStatusAsync(widget, abusive);

        using var limited = await RateAsync(widget, abusive);
        using var other = await RateAsync(widget, NewClientAddress());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        await _app.AssertRatingCountAsync(widget.ServiceId, LimitedWidgetHost.RatingsPerClient + 1);
    }

    [Fact]
    public async Task A_flood_of_200_concurrent_ratings_from_one_client_stores_only_its_allowance_and_answers_429_to_the_rest()
    {
        var widget = await host.CreateWidgetAsync();
        var client = NewClientAddress();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => RateAsync(widget, client)));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses)
            response.Dispose();

        Assert.Equal(LimitedWidgetHost.RatingsPerClient, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(200 - LimitedWidgetHost.RatingsPerClient, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await _app.AssertRatingCountAsync(widget.ServiceId, LimitedWidgetHost.RatingsPerClient);
    }

    [Fact]
    public async Task The_rating_past_the_per_key_limit_is_429_for_every_client_and_nothing_past_the_limit_is_stored()
    {
        var widget = await host.CreateWidgetAsync();
        var first = NewClientAddress();
        var second = NewClientAddress();

        for (var i = 0; i < LimitedWidgetHost.RatingsPerClient; i++)
            Assert.Equal(HttpStatusCode.Created, await RateStatusAsync(widget, first));
        for (var i = LimitedWidgetHost.RatingsPerClient; i < LimitedWidgetHost.RatingsPerKey; i++)
            Assert.Equal(HttpStatusCode.Created, await RateStatusAsync(widget, second));
        using var refused = await RateAsync(widget, second);
        using var fresh = await RateAsync(widget, NewClientAddress());

        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        AssertRetryAfter(refused);
        await fresh.AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        AssertRetryAfter(fresh);
        await _app.AssertRatingCountAsync(widget.ServiceId, LimitedWidgetHost.RatingsPerKey);
    }

    [Fact]
    public async Task A_key_at_its_limit_does_not_limit_another_key()
    {
        var limited = await host.CreateWidgetAsync();
        var other = await host.CreateWidgetAsync();
        for (var i = 0; i < LimitedWidgetHost.RatingsPerKey; i++)
            Assert.Equal(HttpStatusCode.Created, await RateStatusAsync(limited, NewClientAddress()));

        using var refused = await RateAsync(limited, NewClientAddress());
        using var accepted = await RateAsync(other, NewClientAddress());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await _app.AssertRatingCountAsync(other.ServiceId, 1);
    }

    [Fact]
    public async Task A_limited_client_is_refused_before_its_body_is_read()
    {
        var widget = await host.CreateWidgetAsync();
        var client = NewClientAddress();
        for (var i = 0; i < LimitedWidgetHost.RatingsPerClient; i++)
            Assert.Equal(HttpStatusCode.Created, await RateStatusAsync(widget, client));

        using var request = WidgetHttp.Post(widget.RatingsPath, WidgetHttp.Form(("score", "5"), ("comment", new string('x', 1024 * 1024))));
        request.Headers.Add(ClientAddressFromTestHeader.Header, client);
        using var response = await _client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        await _app.AssertRatingCountAsync(widget.ServiceId, LimitedWidgetHost.RatingsPerClient);
    }

    [Fact]
    public async Task The_config_request_past_the_per_client_page_limit_is_429_with_retry_after()
    {
        var widget = await host.CreateWidgetAsync();
        var client = NewClientAddress();

        for (var i = 0; i < LimitedWidgetHost.PagesPerClient; i++)
        {
            using var allowed = await GetAsClientAsync(widget.ConfigPath, client);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await GetAsClientAsync(widget.ConfigPath, client);
        using var other = await GetAsClientAsync(widget.ConfigPath, NewClientAddress());

        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        AssertRetryAfter(refused);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task The_hosted_form_past_the_per_client_limit_is_429_html_with_retry_after_and_nothing_past_the_limit_is_stored()
    {
        var widget = await host.CreateWidgetAsync();
        var client = NewClientAddress();

        for (var i = 0; i < LimitedWidgetHost.RatingsPerClient; i++)
        {
            using var accepted = await PostHostedFormAsync(widget, client);
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        }
        using var refused = await PostHostedFormAsync(widget, client);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        AssertRetryAfter(refused);
        Assert.Contains("Too many ratings from your network just now.", html, StringComparison.Ordinal);
        await _app.AssertRatingCountAsync(widget.ServiceId, LimitedWidgetHost.RatingsPerClient);
    }

    private async Task<HttpResponseMessage> RateAsync(TestWidget widget, string clientAddress) =>
        await _client.PostRatingAsync(widget, WidgetHttp.Form(("score", "4")), configure: r => r.Headers.Add(ClientAddressFromTestHeader.Header, clientAddress));

    private async Task<HttpStatusCode> RateStatusAsync(TestWidget widget, string clientAddress)
    {
        using var response = await RateAsync(widget, clientAddress);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> PostHostedFormAsync(TestWidget widget, string clientAddress)
    {
        using var request = WidgetHttp.Post(widget.RatePagePath, WidgetHttp.Form(("score", "4")), origin: null);
        request.Headers.Add(ClientAddressFromTestHeader.Header, clientAddress);
        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetAsClientAsync(string path, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ClientAddressFromTestHeader.Header, clientAddress);
        return await _client.SendAsync(request);
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Header("Retry-After");
        Assert.NotNull(retryAfter);
        Assert.True(int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds), $"Retry-After '{retryAfter}' is not whole seconds.");
        Assert.InRange(seconds, 1, 60);
    }

    /// <summary>A client address no other test has used, so its allowance is whole.</summary>
    private static string NewClientAddress()
    {
        var n = Interlocked.Increment(ref _lastClient);
        return $"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}";
    }
}
