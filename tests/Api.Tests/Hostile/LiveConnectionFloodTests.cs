using System.Globalization;
using System.Net;
using Engagement.Api.Live;
using Engagement.Api.Tests.Hosting;
using Engagement.Api.Tests.Live;
using Engagement.Core.Live;
using Engagement.Core.Ratings;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// One client opening live connections without end: each holds memory on the server, so an address may start only so
/// many a minute and hold only so many at once. The refusal is a 429 that says what to do, the connections already
/// open keep receiving, and a viewer's long polls are not new connections.
/// </summary>
public sealed class LiveConnectionFloodTests
{
    // On the test server every client has the same (unknown) address, so these bounds are shared by all of a test's clients.
    private static EngagementAppFactory App(int perMinute, int maxOpen) => SharedHost.NewApp()
        .WithSetting("RateLimits:LiveConnectionsPerMinute", perMinute.ToString(CultureInfo.InvariantCulture))
        .WithSetting("Live:MaxConnectionsPerAddress", maxOpen.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task New_connections_beyond_the_per_minute_limit_are_refused_429_and_the_open_ones_keep_receiving()
    {
        using var app = App(perMinute: 3, maxOpen: 100);
        var service = await app.CreateServiceAsync((await app.CreateOrganisationAsync()).Id);
        var open = new List<LiveClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                open.Add(await LiveClient.ConnectAsync(app));
                await open[^1].JoinAsync<RatingSummary>("JoinService", service.Id);
            }

            var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(app));

            Assert.Equal(HttpStatusCode.TooManyRequests, refusal.StatusCode);
            Assert.True((await app.Get<SubmitRating>().ExecuteAsync(new(service.Id, 5, "en"))).Succeeded);
            foreach (var viewer in open)
                await viewer.WaitForAsync(LiveTopic.Service(service.Id).Name, s => s.GetProperty("count").GetInt64() == 1);
        }
        finally
        {
            foreach (var viewer in open)
                await viewer.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_address_holding_its_most_connections_is_refused_with_a_message_until_it_closes_one()
    {
        using var app = App(perMinute: 1000, maxOpen: 2);
        var limit = app.Get<LiveConnectionLimit>();
        var first = await LiveClient.ConnectAsync(app);
        await using var second = await LiveClient.ConnectAsync(app);
        Assert.Equal(2, limit.OpenFrom("unknown"));

        // The negotiation itself, as a browser's client sends it, to read the refusal's words.
        using var http = app.CreateClient();
        using var refused = await http.PostAsync($"{LiveEndpoints.HubPath}/negotiate?negotiateVersion=1", null);
        var message = await refused.Content.ReadAsStringAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(app));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("already holds 2 live connections", message, StringComparison.Ordinal);
        Hostile.AssertNoLeak(message, "live connection refusal");

        await first.DisposeAsync();
        await Eventually.UntilAsync(() => limit.OpenFrom("unknown") == 1, "the closed connection has been let go");
        await using var third = await LiveClient.ConnectAsync(app);
        Assert.Equal(2, limit.OpenFrom("unknown"));
    }

    [Fact]
    public async Task A_long_polling_viewers_polls_are_not_counted_as_new_connections()
    {
        using var app = App(perMinute: 2, maxOpen: 100);
        var service = await app.CreateServiceAsync((await app.CreateOrganisationAsync()).Id);
        await using var viewer = await LiveClient.ConnectAsync(app);
        await viewer.JoinAsync<RatingSummary>("JoinService", service.Id);
        var submit = app.Get<SubmitRating>();

        // Every push ends a long poll and the client starts the next: many more requests than the limit of two.
        for (var i = 1; i <= 8; i++)
        {
            Assert.True((await submit.ExecuteAsync(new(service.Id, 4, "en"))).Succeeded);
            await viewer.WaitForAsync(LiveTopic.Service(service.Id).Name, s => s.GetProperty("count").GetInt64() == i);
        }

        // Had the polls counted, the bucket of two would be long empty.
        await using var second = await LiveClient.ConnectAsync(app);
    }
}
