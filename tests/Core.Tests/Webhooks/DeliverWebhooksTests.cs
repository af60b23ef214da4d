using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Engagement.Core.Audit;
using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Tests.Support;
using Engagement.Core.Webhooks;

namespace Engagement.Core.Tests.Webhooks;

/// <summary>
/// From backlog writes to signed posts: the fan-out makes one delivery per event and endpoint that wants it (once, however
/// often it runs); the dispatcher signs each post, retries what failed with back-off, gives up after its attempts or at
/// once on 410 Gone, fails what a disabled endpoint still had waiting; failed deliveries can be sent again.
/// </summary>
public sealed class DeliverWebhooksTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Admin = Actor.Staff("admin-1");
    private static readonly Actor Analyst = Actor.Staff("analyst-1");
    private readonly TestPlatform _platform = new(db);
    private readonly ScriptedReceiver _receiver = new();

    /// <summary>Answers each post to an address with the next scripted answer (200 once the script runs out) and records it.</summary>
    private sealed class ScriptedReceiver : IWebhookSender
    {
        private readonly Dictionary<string, Queue<Func<WebhookResponse>>> _scripts = [];

        public List<WebhookRequest> Received { get; } = [];

        public void Answer(string url, params Func<WebhookResponse>[] answers) => _scripts[url] = new Queue<Func<WebhookResponse>>(answers);

        public static Func<WebhookResponse> Status(int status, string? excerpt = null) => () => new WebhookResponse(status, excerpt);

        public static Func<WebhookResponse> Throws(bool transient) => () => throw new WebhookDeliveryException(transient ? "The receiver did not answer within 10 s." : "Refused: a private address.", transient);

        public Task<WebhookResponse> PostAsync(WebhookRequest request, CancellationToken ct = default)
        {
            lock (Received)
                Received.Add(request);
            var answer = _scripts.TryGetValue(request.Url, out var script) && script.Count > 0 ? script.Dequeue() : Status(200);
            return Task.FromResult(answer());
        }

        public List<WebhookRequest> To(string url) => [.. Received.Where(r => r.Url == url)];
    }

    private static string UniqueUrl() => $"https://tracker.example.org/hooks/{Guid.NewGuid():N}";

    private async Task<(string OrganisationId, WebhookEndpoint Webhook, string Secret)> WebhookAsync(
        IReadOnlyList<BacklogEventKind>? events = null, string? organisationId = null)
    {
        organisationId ??= (await _platform.CreateOrganisationAsync()).Id;
        var registered = ResultAssert.Succeeded(await _platform.RegisterWebhook.ExecuteAsync(new(organisationId, UniqueUrl(), events), Admin));
        return (organisationId, registered.Webhook, registered.Secret);
    }

    private async Task<BacklogItem> CreateItemAsync(string organisationId, string title = "Fix the library ramp") =>
        ResultAssert.Succeeded(await _platform.CreateBacklogItem.ExecuteAsync(new(organisationId, title, "Several people cannot get in."), Analyst));

    private async Task<BacklogItem> AcceptAsync(BacklogItem item) =>
        ResultAssert.Succeeded(await _platform.ChangeBacklogStatus.ExecuteAsync(new(item.Id, item.OrganisationId, BacklogStatus.Accepted), Analyst));

    // Fans out every event there is, then runs the dispatcher until a round tries nothing more.
    private async Task RunAsync()
    {
        while (await _platform.FanOutBacklogEvents.ExecuteAsync(100) > 0)
        {
        }
        while (await _platform.DeliverWebhooks(_receiver).ExecuteAsync(100) > 0)
        {
        }
    }

    private Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(WebhookEndpoint webhook, WebhookDeliveryStatus? status = null) =>
        _platform.Webhooks.ListDeliveriesAsync(webhook.Id, status, 100);

    private static string Header(WebhookRequest request, string name) => Assert.Single(request.Headers, h => h.Key == name).Value;

    // Posts go out several at once, so they arrive in any order; a delivery's id begins with its event's sequence.
    private static List<WebhookRequest> InEventOrder(IEnumerable<WebhookRequest> posts) =>
        [.. posts.OrderBy(p => long.Parse(Header(p, WebhookSignature.DeliveryHeader).Split('.')[0], CultureInfo.InvariantCulture))];

    [Fact]
    public async Task Creating_an_item_and_changing_its_status_each_make_one_signed_delivery_and_running_again_adds_none()
    {
        var (organisationId, webhook, secret) = await WebhookAsync();

        var item = await AcceptAsync(await CreateItemAsync(organisationId, "Fix the ramp « vite » 🚀"));
        await RunAsync();
        await RunAsync();

        var posts = InEventOrder(_receiver.To(webhook.Url));
        Assert.Equal(["backlog.created", "backlog.status_changed"], posts.Select(p => Header(p, WebhookSignature.EventHeader)));
        foreach (var post in posts)
        {
            // The receiver's side, written out independently: t and v1 from the header, HMAC-SHA256 of "t.body" with the secret.
            var parts = Header(post, WebhookSignature.SignatureHeader).Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{post.Body}")));
            Assert.Equal(expected, parts["v1"]);
            Assert.Equal(_platform.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), parts["t"]);
            Assert.Equal(JsonDocument.Parse(post.Body).RootElement.GetProperty("id").GetString(), Header(post, WebhookSignature.DeliveryHeader));
        }
        var changed = JsonDocument.Parse(posts[1].Body).RootElement;
        Assert.Equal(("backlog.status_changed", organisationId), (changed.GetProperty("event").GetString(), changed.GetProperty("organisationId").GetString()));
        var body = changed.GetProperty("item");
        Assert.Equal((item.Id, "Fix the ramp « vite » 🚀", "ACCEPTED", "PROPOSED", 0),
            (body.GetProperty("id").GetString(), body.GetProperty("title").GetString(), body.GetProperty("status").GetString(),
                body.GetProperty("previousStatus").GetString(), body.GetProperty("evidenceCount").GetInt32()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("serviceId").ValueKind);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(posts[0].Body).RootElement.GetProperty("item").GetProperty("previousStatus").ValueKind);
        Assert.All(await DeliveriesAsync(webhook), d => Assert.Equal((WebhookDeliveryStatus.Delivered, 1, (int?)200), (d.Status, d.Attempts, d.LastStatusCode)));
    }

    [Fact]
    public async Task Only_enabled_webhooks_of_the_items_organisation_wanting_the_event_and_registered_before_it_get_a_delivery()
    {
        var (organisationId, wantsAll, _) = await WebhookAsync([BacklogEventKind.Created, BacklogEventKind.StatusChanged, BacklogEventKind.EvidenceAdded, BacklogEventKind.Merged]);
        var (_, onlyChanges, _) = await WebhookAsync([BacklogEventKind.StatusChanged], organisationId);
        var (_, disabled, _) = await WebhookAsync(organisationId: organisationId);
        ResultAssert.Succeeded(await _platform.SetWebhookEnabled.ExecuteAsync(new(disabled.Id, false), Admin));
        var (_, elsewhere, _) = await WebhookAsync();
        var early = await CreateItemAsync(organisationId);
        // Registered after the item was created: it gets the later change only.
        _platform.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, late, _) = await WebhookAsync(organisationId: organisationId);
        _platform.Clock.Advance(TimeSpan.FromSeconds(1));

        var duplicate = await CreateItemAsync(organisationId, "The same ramp");
        await AcceptAsync(early);
        ResultAssert.Succeeded(await _platform.MergeBacklogItems.ExecuteAsync(new(organisationId, early.Id, duplicate.Id), Analyst));
        await RunAsync();

        string Events(WebhookEndpoint webhook) => string.Join(" ", InEventOrder(_receiver.To(webhook.Url)).Select(p => Header(p, WebhookSignature.EventHeader)));
        Assert.Equal("backlog.created backlog.created backlog.status_changed backlog.merged", Events(wantsAll));
        Assert.Equal("backlog.status_changed", Events(onlyChanges));
        Assert.Equal("backlog.created backlog.status_changed", Events(late));
        Assert.Empty(_receiver.To(disabled.Url));
        Assert.Empty(_receiver.To(elsewhere.Url));
    }

    [Fact]
    public async Task A_receiver_answering_500_then_200_gets_the_delivery_again_after_the_back_off_and_it_is_delivered_once()
    {
        var (organisationId, webhook, _) = await WebhookAsync();
        _receiver.Answer(webhook.Url, ScriptedReceiver.Status(500, "database is down"), ScriptedReceiver.Status(204));
        await CreateItemAsync(organisationId);

        await RunAsync();
        var waiting = Assert.Single(await DeliveriesAsync(webhook));
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, (int?)500, "The receiver answered 500. database is down", _platform.Clock.GetUtcNow() + TimeSpan.FromSeconds(30)),
            (waiting.Status, waiting.Attempts, waiting.LastStatusCode, waiting.LastError, waiting.NextAttemptAt));
        _platform.Clock.Advance(TimeSpan.FromSeconds(29));
        await RunAsync();
        Assert.Single(_receiver.To(webhook.Url));

        _platform.Clock.Advance(TimeSpan.FromSeconds(1));
        await RunAsync();
        await RunAsync();

        var posts = _receiver.To(webhook.Url);
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Equal(Header(posts[0], WebhookSignature.DeliveryHeader), Header(posts[1], WebhookSignature.DeliveryHeader));
        var delivered = Assert.Single(await DeliveriesAsync(webhook));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 2, (int?)204, (string?)null), (delivered.Status, delivered.Attempts, delivered.LastStatusCode, delivered.LastError));
    }

    [Fact]
    public void The_back_off_starts_at_30_seconds_and_doubles_up_to_an_hour()
    {
        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 3600, 3600], Enumerable.Range(1, 9).Select(a => (int)new WebhookOptions().Backoff(a).TotalSeconds));
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_tried_the_maximum_number_of_times_and_then_the_delivery_fails()
    {
        var (organisationId, webhook, _) = await WebhookAsync();
        _receiver.Answer(webhook.Url, [.. Enumerable.Repeat(ScriptedReceiver.Throws(transient: true), 20)]);
        await CreateItemAsync(organisationId);

        for (var attempt = 1; attempt <= 12; attempt++)
        {
            await RunAsync();
            _platform.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(new WebhookOptions().MaxAttempts, _receiver.To(webhook.Url).Count);
        var failed = Assert.Single(await DeliveriesAsync(webhook, WebhookDeliveryStatus.Failed));
        Assert.Equal((10, "The receiver did not answer within 10 s.", (int?)null), (failed.Attempts, failed.LastError, failed.LastStatusCode));
    }

    [Fact]
    public async Task Gone_and_a_permanent_refusal_fail_at_once_and_a_redirect_is_a_failure_to_retry()
    {
        var (organisationId, gone, _) = await WebhookAsync();
        var (_, refused, _) = await WebhookAsync(organisationId: organisationId);
        var (_, moved, _) = await WebhookAsync(organisationId: organisationId);
        _receiver.Answer(gone.Url, ScriptedReceiver.Status(410));
        _receiver.Answer(refused.Url, ScriptedReceiver.Throws(transient: false));
        _receiver.Answer(moved.Url, ScriptedReceiver.Status(302));
        await CreateItemAsync(organisationId);

        await RunAsync();

        Assert.Equal((WebhookDeliveryStatus.Failed, (int?)410), (await DeliveriesAsync(gone)).Select(d => (d.Status, d.LastStatusCode)).Single());
        Assert.Equal((WebhookDeliveryStatus.Failed, "Refused: a private address."), (await DeliveriesAsync(refused)).Select(d => (d.Status, d.LastError)).Single());
        Assert.Equal((WebhookDeliveryStatus.Pending, (int?)302), (await DeliveriesAsync(moved)).Select(d => (d.Status, d.LastStatusCode)).Single());
    }

    [Fact]
    public async Task A_failed_delivery_is_sent_again_when_an_admin_retries_it_with_fresh_attempts_and_the_retry_is_audited()
    {
        var (organisationId, webhook, _) = await WebhookAsync();
        _receiver.Answer(webhook.Url, ScriptedReceiver.Status(410));
        await CreateItemAsync(organisationId);
        await RunAsync();
        var failed = Assert.Single(await DeliveriesAsync(webhook));

        var requeued = ResultAssert.Succeeded(await _platform.RetryWebhookDelivery.ExecuteAsync(new(failed.Id), Admin));
        ResultAssert.FailedOnly(await _platform.RetryWebhookDelivery.ExecuteAsync(new(failed.Id), Admin), "id", ErrorCodes.InvalidState);
        await RunAsync();

        Assert.Equal((WebhookDeliveryStatus.Pending, 0), (requeued.Status, requeued.Attempts));
        Assert.Equal(2, _receiver.To(webhook.Url).Count);
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1), (await DeliveriesAsync(webhook)).Select(d => (d.Status, d.Attempts)).Single());
        ResultAssert.FailedOnly(await _platform.RetryWebhookDelivery.ExecuteAsync(new(failed.Id), Admin), "id", ErrorCodes.InvalidState);
        ResultAssert.FailedOnly(await _platform.RetryWebhookDelivery.ExecuteAsync(new("1.nope"), Admin), "id", ErrorCodes.NotFound);
        var retried = Assert.Single(await _platform.AuditTrailAsync(organisationId, webhook.Id), e => e.Action == AuditActions.WebhookDeliveryRetried);
        Assert.Equal((Admin, failed.Id), (retried.Actor, retried.Detail));
    }

    [Fact]
    public async Task What_a_disabled_webhook_still_had_waiting_fails_unsent_and_can_be_sent_once_it_is_enabled_again()
    {
        var (organisationId, webhook, _) = await WebhookAsync();
        await CreateItemAsync(organisationId);
        await _platform.FanOutBacklogEvents.ExecuteAsync(100);
        ResultAssert.Succeeded(await _platform.SetWebhookEnabled.ExecuteAsync(new(webhook.Id, false), Admin));

        await RunAsync();
        var failed = Assert.Single(await DeliveriesAsync(webhook, WebhookDeliveryStatus.Failed));
        Assert.Empty(_receiver.To(webhook.Url));
        ResultAssert.FailedOnly(await _platform.RetryWebhookDelivery.ExecuteAsync(new(failed.Id), Admin), "id", ErrorCodes.InvalidState);

        ResultAssert.Succeeded(await _platform.SetWebhookEnabled.ExecuteAsync(new(webhook.Id, true), Admin));
        ResultAssert.Succeeded(await _platform.RetryWebhookDelivery.ExecuteAsync(new(failed.Id), Admin));
        await RunAsync();

        Assert.Single(_receiver.To(webhook.Url));
        Assert.Equal(WebhookDeliveryStatus.Delivered, Assert.Single(await DeliveriesAsync(webhook)).Status);
    }

    [Fact]
    public async Task A_dispatcher_that_dies_after_taking_a_delivery_lets_it_go_after_the_hold_and_it_is_posted_once()
    {
        var (organisationId, webhook, _) = await WebhookAsync();
        await CreateItemAsync(organisationId);
        await _platform.FanOutBacklogEvents.ExecuteAsync(100);
        var now = _platform.Clock.GetUtcNow();
        // Taken, then the process dies before posting or recording anything.
        Assert.Contains(await _platform.Webhooks.TakeDueAsync(now, now + DeliverWebhooks.Hold, 100_000), d => d.EndpointId == webhook.Id);

        await RunAsync();
        Assert.Empty(_receiver.To(webhook.Url));
        _platform.Clock.Advance(DeliverWebhooks.Hold);
        await RunAsync();
        await RunAsync();

        Assert.Single(_receiver.To(webhook.Url));
    }

    [Fact]
    public async Task Listing_deliveries_checks_the_page_size_and_the_webhook()
    {
        var (organisationId, webhook, _) = await WebhookAsync();
        await CreateItemAsync(organisationId);
        await CreateItemAsync(organisationId);
        await RunAsync();

        Assert.Single(ResultAssert.Succeeded(await _platform.ListWebhookDeliveries.ExecuteAsync(new(webhook.Id, WebhookDeliveryStatus.Delivered, 1))));
        Assert.Equal(2, ResultAssert.Succeeded(await _platform.ListWebhookDeliveries.ExecuteAsync(new(webhook.Id))).Count);
        Assert.Empty(ResultAssert.Succeeded(await _platform.ListWebhookDeliveries.ExecuteAsync(new(webhook.Id, WebhookDeliveryStatus.Failed))));
        ResultAssert.FailedOnly(await _platform.ListWebhookDeliveries.ExecuteAsync(new(webhook.Id, First: 0)), "first", ErrorCodes.OutOfRange);
        ResultAssert.FailedOnly(await _platform.ListWebhookDeliveries.ExecuteAsync(new(webhook.Id, First: ListWebhookDeliveries.MaxPage + 1)), "first", ErrorCodes.OutOfRange);
        ResultAssert.FailedOnly(await _platform.ListWebhookDeliveries.ExecuteAsync(new(Ids.New())), "webhookId", ErrorCodes.NotFound);
    }
}
