using System.Net;
using System.Text;
using Engagement.Api.Tests.Hosting;

namespace Engagement.Api.Tests.Widget;

/// <summary>
/// What only a real server shows: a body sent chunked, with no Content-Length, is cut off at the limit as it streams in.
/// (TestServer enforces no request body size, so there the form reader's own value limit answers first.)
/// </summary>
public sealed class WidgetRealServerTests(KestrelWidgetHost host) : IClassFixture<KestrelWidgetHost>
{
    [Fact]
    public async Task A_one_megabyte_comment_sent_chunked_without_a_content_length_is_413_and_nothing_is_stored()
    {
        var widget = await WidgetApps.CreateWidgetAsync(host.App, null, false, []);
        var body = Encoding.UTF8.GetBytes(WidgetHttp.Form(("score", "4"), ("comment", new string('x', 1024 * 1024))));
        using var request = new HttpRequestMessage(HttpMethod.Post, widget.RatingsPath) { Content = new StreamContent(new UnknownLengthStream(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", WidgetHttp.FormType);
        request.Headers.TryAddWithoutValidation("Origin", WidgetApps.Site);
        Assert.Null(request.Content.Headers.ContentLength);

        using var response = await host.Client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "TOO_LARGE");
        await host.App.AssertNothingStoredAsync(widget.ServiceId);
    }

    [Fact]
    public async Task A_valid_rating_sent_chunked_is_stored()
    {
        var widget = await WidgetApps.CreateWidgetAsync(host.App, null, false, []);
        var body = Encoding.UTF8.GetBytes(WidgetHttp.Form(("score", "4"), ("comment", "Chunked but small.")));
        using var request = new HttpRequestMessage(HttpMethod.Post, widget.RatingsPath) { Content = new StreamContent(new UnknownLengthStream(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", WidgetHttp.FormType);
        request.Headers.TryAddWithoutValidation("Origin", WidgetApps.Site);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Chunked but small.", Assert.Single(await host.App.RatingsAsync(widget.ServiceId)).Comment);
    }

    /// <summary>A body whose length the client cannot know, so it goes chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>The platform on a loopback port of a real Kestrel server, with the widget limits raised.</summary>
public sealed class KestrelWidgetHost : IDisposable
{
    public KestrelWidgetHost()
    {
        Client = new HttpClient { BaseAddress = App.StartOnLoopback() };
    }

    public EngagementAppFactory App { get; } = WidgetApps.New(ratingsPerClient: 100_000, ratingsPerKey: 100_000, pagesPerClient: 100_000);

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
    }
}
