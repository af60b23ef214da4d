using System.Net;
using System.Text.Json;
using Engagement.Api.Live;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Live;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;
using Engagement.Core.Tallies;
using ConnectionMultiplexer = StackExchange.Redis.ConnectionMultiplexer;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Live;

/// <summary>
/// Two nodes (two test hosts) sharing one SQLite file and one Redis: live updates and staff cookies cross between
/// them, and an outage of Redis (a private redis-server, killed and started again) leaves both serving reads and writes,
/// with live updates crossing again, both ways, once it is back.
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

        var cookie = await nodes.A.StaffCookieAsync(moderator.Email, password);
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

    [PrivateRedisFact]
    public async Task While_Redis_is_down_both_nodes_serve_reads_and_writes_and_live_updates_resume_both_ways_when_it_is_back()
    {
        await using var redis = await PrivateRedis.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.Address);
        var org = await nodes.A.CreateOrganisationAsync();
        var service = await nodes.A.CreateServiceAsync(org.Id);
        var consultation = await nodes.A.CreateOpenConsultationAsync(org.Id);
        var analystToken = await nodes.A.CreateApiTokenAsync(org.Id, Role.Analyst);
        await using var viewerOnA = await LiveClient.ConnectAsync(nodes.A);
        await using var viewerOnB = await LiveClient.ConnectAsync(nodes.B);
        var topic = LiveTopic.Service(service.Id).Name;
        await viewerOnA.JoinAsync<RatingSummary>("JoinService", service.Id);
        await viewerOnB.JoinAsync<RatingSummary>("JoinService", service.Id);
        await RateAsync(nodes.A, service.Id, 5);
        await viewerOnB.WaitForAsync(topic, s => s.GetProperty("count").GetInt64() == 1, Patience);

        await redis.StopAsync();
        var readyWhileDown = new[] { await WaitForRedisCheckAsync(nodes.A, "Degraded"), await WaitForRedisCheckAsync(nodes.B, "Degraded") };
        var liveWhileDown = new[] { await StatusOfAsync(nodes.A, "/health/live"), await StatusOfAsync(nodes.B, "/health/live") };
        var writesWhileDown = new List<GraphQLResponse>();
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            await RateAsync(node, service.Id, 3);
            writesWhileDown.Add(await node.Anonymous().QueryAsync("mutation($input: PostCommentInput!) { postComment(input: $input) { status } }", new { input = new
            {
                consultationId = consultation.Id, participantToken = await node.RegisterParticipantAsync(), text = "The new bus shelter is great.", language = "en",
            } }));
            writesWhileDown.Add(await node.WithToken(analystToken).QueryAsync("mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { status } }",
                new { input = new { organisationId = org.Id, slug = $"c-{Guid.NewGuid():N}"[..20], title = Translations.EnFr("Parks", "Parcs") } }));
        }
        var readWhileDown = await nodes.B.Anonymous().QueryAsync(
            "query($s: ID!, $c: ID!) { service(id: $s) { ratingSummary { count } } consultation(id: $c) { commentCounts { comments } } }", new { s = service.Id, c = consultation.Id });

        await redis.RestartAsync();
        await WaitForRedisCheckAsync(nodes.A, "Healthy");
        await WaitForRedisCheckAsync(nodes.B, "Healthy");
        var count = 3L;
        var fromAToB = await ResumedAsync(nodes.A, viewerOnB, service.Id, () => ++count);
        var fromBToA = await ResumedAsync(nodes.B, viewerOnA, service.Id, () => ++count);
        var stored = RatingSummary.From(service.Id, await nodes.A.Get<ITallyStore>().GetAsync(TallyScopes.Service(service.Id)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], readyWhileDown);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], liveWhileDown);
        Assert.All(writesWhileDown, w => w.AssertOk());
        Assert.Equal(["PUBLISHED", "PUBLISHED"], writesWhileDown.Where(w => w.Body.Contains("postComment", StringComparison.Ordinal)).Select(w => w.At("postComment.status").GetString()));
        Assert.Equal(3, readWhileDown.AssertOk().At("service.ratingSummary.count").GetInt64());
        Assert.Equal(2, readWhileDown.At("consultation.commentCounts.comments").GetInt64());
        Assert.True(fromAToB is not null, "A rating made on node A after Redis came back never reached the viewer on node B.");
        Assert.True(fromBToA is not null, "A rating made on node B after Redis came back never reached the viewer on node A.");
        Assert.Equal(stored.Count, fromBToA.Value.GetProperty("count").GetInt64());
    }

    /// <summary>
    /// Rates the service on one node until the viewer on the other sees that rating's count (the other node may resubscribe
    /// a moment after this one can publish again); returns what the viewer got, or null when nothing crossed in time.
    /// </summary>
    private static async Task<JsonElement?> ResumedAsync(EngagementAppFactory from, LiveClient viewer, string serviceId, Func<long> nextCount)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            await RateAsync(from, serviceId, 4);
            var expected = nextCount();
            try
            {
                return await viewer.WaitForAsync(LiveTopic.Service(serviceId).Name, s => s.GetProperty("count").GetInt64() == expected, TimeSpan.FromSeconds(5));
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
            }
        }
        return null;
    }

    private static async Task<HttpStatusCode> StatusOfAsync(EngagementAppFactory node, string path)
    {
        using var response = await node.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
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
        var (code, _) = await Eventually.ReadAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return (response.StatusCode, Redis: body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
            },
            answer => answer.Redis == status, $"/health/ready reports Redis {status}", answer => $"Redis {answer.Redis}", Patience);
        return code;
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
