using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Common;
using Engagement.Core.Widgets;

namespace Engagement.Api.Tests.Widget;

/// <summary><c>GET /widget/{key}/config</c>: what the widget shows, to allowed origins only, for live keys only.</summary>
public sealed class WidgetConfigTests(WidgetHost host) : IClassFixture<WidgetHost>
{
    private readonly EngagementAppFactory _app = host.App;

    [Fact]
    public async Task Config_for_an_allowed_origin_answers_the_documented_fields_and_reflects_the_origin()
    {
        var widget = await host.CreateWidgetAsync(showAverage: true);
        await _app.CreateClient().RateAsync(widget, 4);
        await _app.CreateClient().RateAsync(widget, 5);

        using var response = await _app.CreateClient().GetWithOriginAsync(widget.ConfigPath, WidgetApps.Site);
        var config = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WidgetApps.Site, response.Header("Access-Control-Allow-Origin"));
        Assert.Contains("Origin", response.Headers.Vary);
        Assert.Null(response.Header("Set-Cookie"));
        Assert.Null(response.Header("Access-Control-Allow-Credentials"));
        Assert.Equal(widget.PublicKey, config.GetProperty("key").GetString());
        Assert.Equal(widget.ServiceId, config.GetProperty("serviceId").GetString());
        Assert.Equal("Service", config.GetProperty("serviceName").GetProperty("en").GetString());
        Assert.Equal("Service", config.GetProperty("serviceName").GetProperty("fr").GetString());
        Assert.Equal("How was your experience?", config.GetProperty("question").GetProperty("en").GetString());
        Assert.False(string.IsNullOrWhiteSpace(config.GetProperty("question").GetProperty("fr").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, config.GetProperty("language").ValueKind);
        Assert.True(config.GetProperty("showAverage").GetBoolean());
        Assert.Equal(2, config.GetProperty("summary").GetProperty("count").GetInt64());
        Assert.Equal(4.5, config.GetProperty("summary").GetProperty("average").GetDouble(), 3);
        Assert.Equal(1000, config.GetProperty("commentMaxLength").GetInt32());
        Assert.Equal($"http://localhost/widget/{widget.PublicKey}/ratings", config.GetProperty("ratingsUrl").GetString());
        Assert.Equal($"http://localhost/widget/{widget.PublicKey}/rate", config.GetProperty("ratePageUrl").GetString());
        Assert.Equal("http://localhost/hubs/live", config.GetProperty("hubUrl").GetString());
    }

    [Fact]
    public async Task Config_without_an_origin_answers_200_without_an_allow_origin_header()
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _app.CreateClient().GetWithOriginAsync(widget.ConfigPath, origin: null);
        var config = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Header("Access-Control-Allow-Origin"));
        Assert.Equal(widget.PublicKey, config.GetProperty("key").GetString());
    }

    [Fact]
    public async Task Config_matches_a_wildcard_subdomain_but_not_the_bare_domain()
    {
        var widget = await host.CreateWidgetAsync(allowedOrigins: "https://*.canada.ca");

        using var sub = await _app.CreateClient().GetWithOriginAsync(widget.ConfigPath, "https://www.canada.ca");
        using var bare = await _app.CreateClient().GetWithOriginAsync(widget.ConfigPath, "https://canada.ca");

        Assert.Equal(HttpStatusCode.OK, sub.StatusCode);
        await bare.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "origin");
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://www.example.ca")]
    [InlineData("https://www.example.ca:8443")]
    [InlineData("https://www.example.ca.evil.example")]
    [InlineData("null")]
    public async Task Config_for_an_origin_the_key_does_not_allow_is_refused_with_403(string origin)
    {
        var widget = await host.CreateWidgetAsync();

        using var response = await _app.CreateClient().GetWithOriginAsync(widget.ConfigPath, origin);

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "origin");
    }

    [Theory]
    [InlineData("wk_AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("wk_short")]
    [InlineData("WK_AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("wk_AAAAAAAAAAAAAAAAAAAAAA-")]
    [InlineData("not-a-key")]
    public async Task Config_for_an_unknown_or_malformed_key_is_404(string key)
    {
        using var response = await _app.CreateClient().GetWithOriginAsync($"/widget/{key}/config", WidgetApps.Site);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "key");
    }

    [Fact]
    public async Task Config_for_a_disabled_key_is_404_as_if_it_did_not_exist_and_again_200_once_enabled()
    {
        var widget = await host.CreateWidgetAsync();
        await _app.SetWidgetKeyEnabledAsync(widget, false);

        using var disabled = await _app.CreateClient().GetWithOriginAsync(widget.ConfigPath, WidgetApps.Site);
        await disabled.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "key");

        await _app.SetWidgetKeyEnabledAsync(widget, true);
        using var enabled = await _app.CreateClient().GetWithOriginAsync(widget.ConfigPath, WidgetApps.Site);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
    }

    [Fact]
    public async Task Config_of_a_key_that_does_not_show_the_average_has_a_null_summary()
    {
        var widget = await host.CreateWidgetAsync(showAverage: false);
        await _app.CreateClient().RateAsync(widget, 2);

        using var response = await _app.CreateClient().GetWithOriginAsync(widget.ConfigPath, WidgetApps.Site);
        var config = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(config.GetProperty("showAverage").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, config.GetProperty("summary").ValueKind);
    }

    [Fact]
    public async Task Config_answers_the_keys_own_language_and_wording()
    {
        var widget = await host.CreateWidgetAsync();
        var updated = await _app.Get<UpdateWidgetKey>().ExecuteAsync(
            new UpdateWidgetKey.Request(widget.Key.Id, Question: LocalizedText.EnFr("Did you find what you needed?", "Avez-vous trouvé?"), Language: "fr"), Actor.System);
        Assert.True(updated.Succeeded);

        using var response = await _app.CreateClient().GetWithOriginAsync(widget.ConfigPath, WidgetApps.Site);
        var config = await response.JsonAsync();

        Assert.Equal("fr", config.GetProperty("language").GetString());
        Assert.Equal("Did you find what you needed?", config.GetProperty("question").GetProperty("en").GetString());
        Assert.Equal("Avez-vous trouvé?", config.GetProperty("question").GetProperty("fr").GetString());
    }
}
