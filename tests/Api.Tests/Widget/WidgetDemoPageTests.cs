using System.Net;
using System.Text.RegularExpressions;
using Engagement.Api.Tests.Hosting;
using Engagement.Api.Widgets;

namespace Engagement.Api.Tests.Widget;

/// <summary>
/// <c>GET /widget/demo</c> on a host with demo data (so with the demo key): a page that embeds the widget from the other
/// loopback name, so from another origin than its own, under a strict policy.
/// </summary>
public sealed partial class WidgetDemoPageTests(SeededHost host) : IClassFixture<SeededHost>
{
    private readonly EngagementAppFactory _app = host.App;

    [Theory]
    [InlineData("http://localhost", "http://127.0.0.1")]
    [InlineData("http://127.0.0.1", "http://localhost")]
    public async Task The_demo_page_loads_the_widget_from_another_origin_than_its_own_under_a_policy(string pageOrigin, string widgetOrigin)
    {
        var client = _app.CreateClient();
        client.BaseAddress = new Uri(pageOrigin);

        using var response = await client.GetAsync("/widget/demo");
        var html = await response.Content.ReadAsStringAsync();
        var script = ScriptTag().Match(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(script.Success, html);
        var src = new Uri(script.Groups["src"].Value);
        Assert.Equal(widgetOrigin, src.GetLeftPart(UriPartial.Authority));
        Assert.NotEqual(pageOrigin, src.GetLeftPart(UriPartial.Authority));
        Assert.Equal("/widget.js", src.AbsolutePath);
        Assert.Equal(WidgetEndpoints.DemoKey, script.Groups["key"].Value);
        var policy = response.Header("Content-Security-Policy");
        Assert.NotNull(policy);
        Assert.Contains($"script-src 'self' {widgetOrigin}", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_key_serves_its_config_to_the_demo_page_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/widget/{WidgetEndpoints.DemoKey}/config");
        request.Headers.Add("Origin", "http://localhost:5000");

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost:5000", response.Header("Access-Control-Allow-Origin"));
    }

    [GeneratedRegex("""<script src="(?<src>[^"]+)" data-key="(?<key>[^"]+)" async></script>""")]
    private static partial Regex ScriptTag();
}

/// <summary>One host with the demo data seeded, as the platform starts by default.</summary>
public sealed class SeededHost : IDisposable
{
    public EngagementAppFactory App { get; } = new EngagementAppFactory().WithSetting("Seed:DemoData", "true");

    public void Dispose() => App.Dispose();
}
