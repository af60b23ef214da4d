using System.Net;
using System.Text.Json;
using Engagement.Api.Live;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Live;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;
using Engagement.Core.Tallies;
using ConnectionMultiplexer = StackExchange.Redis.ConnectionMultiplexer;

namespace Engagement.Api.Tests.Live;

/// <summary>
/// Two nodes (two test hosts) sharing one SQLite file and one Redis: live updates and staff cookies cross between
/// them, and an outage of Redis leaves both serving requests, with live updates resuming once it is back.
/// </summary>
[Trait("Category", "Redis")]
public sealed class ScaleOutTests
{
    // Every wait is bounded; the multiplexer retries about once a second, so reconnecting fits well within this.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const string SubmitRating = "mutation($input: SubmitRatingInput!) { submitRating(input: $input) { id } }";

    [RedisFact]
    public async Task A_rating_submitted_on_node_A_reaches_a_viewer_on_node_B_with_the_stored_counts()
    {
        await using var nodes = await TwoNodes.StartAsync(RedisFactAttribute.Redis());
        var org = await nodes.A.CreateOrganisationAsync();
        var service = await nodes.A.CreateServiceAsync(org.Id);
        await using var viewer = await LiveClient.ConnectAsync(nodes.B);
        var topic = LiveTopic.Service(service.Id).Name;

        var joined = await viewer.JoinAsync<RatingSummary>("JoinService", service.Id);
        foreach (var score in new[] { 5, 4, 1 })
            (await nodes.A.Anonymous().QueryAsync(SubmitRating, new { input = new { serviceId = service.Id, score, language = "en" } })).AssertOk();
        var pushed = await viewer.WaitForAsync(topic, s => s.GetProperty("count").GetInt64() == 3, Patience);
        var stored = RatingSummary.From(service.Id, await nodes.B.Get<ITallyStore>().GetAsync(TallyScopes.Service(service.Id)));

        Assert.Equal(0, joined.Count);
        Assert.Equal(stored.Count, pushed.GetProperty("count").GetInt64());
        Assert.Equal(stored.Average, pushed.GetProperty("average").GetDouble());
        Assert.Equal(stored.Distribution, pushed.GetProperty("distribution").EnumerateArray().Select(e => e.GetInt64()));
    }

    [RedisFact]
    public async Task A_staff_cookie_issued_by_node_A_is_accepted_by_node_B()
    {
        await using var nodes = await TwoNodes.StartAsync(RedisFactAttribute.Redis());
        var org = await nodes.A.CreateOrganisationAsync();
        var (moderator, password) = await nodes.A.CreateStaffAsync(org.Id, Role.Moderator);

        var cookie = await SignInCookieAsync(nodes.A, moderator.Email, password);
        var onB = nodes.B.Anonymous();
        onB.Http.DefaultRequestHeaders.Add("Cookie", cookie);
        var me = await onB.QueryAsync("{ me { email } }");
        await using var staffViewer = await LiveClient.ConnectAsync(nodes.B, new Dictionary<string, string> { ["Cookie"] = cookie });
        var queue = await staffViewer.JoinAsync<ModerationQueueSnapshot>("JoinModerationQueue", org.Id);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.Redis());
        var keys = await redis.GetDatabase().ListLengthAsync($"{nodes.Prefix}:data-protection-keys");

        Assert.Equal(moderator.Email, me.AssertOk().At("me.email").GetString());
        Assert.Equal(org.Id, queue.OrganisationId);
        Assert.True(keys >= 1, "The data-protection key that signed the cookie should be kept in Redis, under the deployment's one key.");
    }

    [RedisFact]
    public async Task While_Redis_is_down_both_nodes_serve_requests_and_live_updates_resume_when_it_is_back()
    {
        // Gated like the other scale-out tests: where no test Redis is configured, redis-server is not assumed installed.
        RedisFactAttribute.Redis();
        await using var redis = await PrivateRedis.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.Address);
        var org = await nodes.A.CreateOrganisationAsync();
        var service = await nodes.A.CreateServiceAsync(org.Id);
        await using var viewer = await LiveClient.ConnectAsync(nodes.B);
        var topic = LiveTopic.Service(service.Id).Name;
        await viewer.JoinAsync<RatingSummary>("JoinService", service.Id);
        await RateAsync(nodes.A, service.Id, 5);
        await viewer.WaitForAsync(topic, s => s.GetProperty("count").GetInt64() == 1, Patience);

        await redis.StopAsync();
        var readyWhileDown = await WaitForRedisCheckAsync(nodes.A, "Degraded");
        await RateAsync(nodes.A, service.Id, 2);
        await RateAsync(nodes.B, service.Id, 3);
        var readWhileDown = await nodes.B.Anonymous().QueryAsync("query($id: ID!) { service(id: $id) { ratingSummary { count } } }", new { id = service.Id });

        await redis.RestartAsync();
        await WaitForRedisCheckAsync(nodes.A, "Healthy");
        await WaitForRedisCheckAsync(nodes.B, "Healthy");
        // B may resubscribe a moment after A can publish again, so a rating is repeated until one gets through.
        var deadline = DateTime.UtcNow + Patience;
        var expected = 3L;
        JsonElement? resumed = null;
        while (resumed is null && DateTime.UtcNow < deadline)
        {
            await RateAsync(nodes.A, service.Id, 4);
            expected++;
            try
            {
                resumed = await viewer.WaitForAsync(topic, s => s.GetProperty("count").GetInt64() == expected, TimeSpan.FromSeconds(5));
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
            }
        }
        var stored = RatingSummary.From(service.Id, await nodes.A.Get<ITallyStore>().GetAsync(TallyScopes.Service(service.Id)));

        Assert.Equal(HttpStatusCode.OK, readyWhileDown);
        Assert.Equal(3, readWhileDown.AssertOk().At("service.ratingSummary.count").GetInt64());
        Assert.NotNull(resumed);
        Assert.Equal(stored.Count, resumed.Value.GetProperty("count").GetInt64());
    }

    /// <summary>Signs in on one node and returns the staff cookie as a Cookie header value, to replay on the other.</summary>
    private static async Task<string> SignInCookieAsync(EngagementAppFactory node, string email, string password)
    {
        using var http = node.CreateClient();
        using var response = await http.PostAsync("/auth/sign-in",
            new StringContent(JsonSerializer.Serialize(new { email, password }), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("engagement.staff=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_whose_Redis_never_answers_starts_and_serves_requests_and_reports_Redis_degraded()
    {
        var closedPort = PrivateRedis.FreePort();
        using var node = new EngagementAppFactory().WithSetting("Seed:DemoData", "false")
            .WithSetting("ConnectionStrings:Redis", $"127.0.0.1:{closedPort},connectTimeout=500,syncTimeout=500");
        var org = await node.CreateOrganisationAsync();
        var service = await node.CreateServiceAsync(org.Id);

        await RateAsync(node, service.Id, 4);
        var ready = await WaitForRedisCheckAsync(node, "Degraded");

        Assert.Equal(HttpStatusCode.OK, ready);
    }

    private static async Task RateAsync(EngagementAppFactory node, string serviceId, int score) =>
        (await node.Anonymous().QueryAsync(SubmitRating, new { input = new { serviceId, score, language = "en" } })).AssertOk();

    /// <summary>Polls /health/ready until its Redis check reports the status; returns the HTTP status of that answer.</summary>
    private static async Task<HttpStatusCode> WaitForRedisCheckAsync(EngagementAppFactory node, string status)
    {
        var client = node.CreateClient();
        var deadline = DateTime.UtcNow + Patience;
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            last = body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString();
            if (last == status)
                return response.StatusCode;
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"Redis never reported {status} on /health/ready within {Patience.TotalSeconds} s; the last report was {last}.");
    }

    /// <summary>Two hosts on one SQLite file and one Redis, with a channel prefix of their own so tests never hear each other.</summary>
    private sealed class TwoNodes : IAsyncDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "engagement-tests", $"nodes-{Guid.NewGuid():N}");

        private TwoNodes(string redis)
        {
            Prefix = $"test-{Guid.NewGuid():N}";
            A = Node(redis);
            B = Node(redis);
        }

        public string Prefix { get; }

        public EngagementAppFactory A { get; }

        public EngagementAppFactory B { get; }

        public static Task<TwoNodes> StartAsync(string redis)
        {
            var nodes = new TwoNodes(redis);
            // One after the other: the first creates the schema, the second finds it.
            _ = nodes.A.Server;
            _ = nodes.B.Server;
            return Task.FromResult(nodes);
        }

        private EngagementAppFactory Node(string redis) => new EngagementAppFactory(_directory)
            .WithSetting("Seed:DemoData", "false")
            .WithSetting("ConnectionStrings:Redis", $"{redis},channelPrefix={Prefix}");

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            EngagementAppFactory.TryDeleteDirectory(_directory);
        }
    }
}
