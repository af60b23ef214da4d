using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Staff;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Webhooks;

/// <summary>
/// The host with a real receiver on a loopback port: backlog changes made through GraphQL reach the receiver signed with
/// the secret registration gave; a receiver that fails or stalls gets the delivery again, and one that keeps failing ends
/// with it FAILED in webhookDeliveries, from where an admin sends it again. Retries are a second apart here (settings).
/// </summary>
public sealed class WebhookDeliveryTests(WebhookHost host) : IClassFixture<WebhookHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private const string Deliveries = """
        query($id: ID!, $status: WebhookDeliveryStatus) {
          webhookDeliveries(webhookId: $id, status: $status) { id event status attempts lastStatusCode lastError payload nextAttemptAt deliveredAt }
        }
        """;

    /// <summary>An organisation with an admin (through an API token) who registered a webhook to a fresh path of the receiver.</summary>
    private async Task<(string OrganisationId, GraphQLClient Admin, string WebhookId, string Url, string Secret)> RegisteredAsync()
    {
        var organisation = await host.App.CreateOrganisationAsync();
        var admin = host.App.WithToken(await host.App.CreateApiTokenAsync(organisation.Id, Role.Admin));
        var url = host.Receiver.NewUrl();
        var registered = (await admin.QueryAsync("mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret webhook { id } } }",
            new { input = new { organisationId = organisation.Id, url } })).AssertOk().At("registerWebhook");
        return (organisation.Id, admin, registered.GetProperty("webhook").GetProperty("id").GetString()!, url, registered.GetProperty("secret").GetString()!);
    }

    private static async Task<string> CreateItemAsync(GraphQLClient admin, string organisationId) =>
        (await admin.QueryAsync("mutation($input: CreateBacklogItemInput!) { createBacklogItem(input: $input) { id } }",
            new { input = new { organisationId, title = "Longer opening hours « le samedi »" } })).AssertOk().At("createBacklogItem.id").GetString()!;

    /// <summary>The webhook's deliveries once <paramref name="done"/> holds for them, read through GraphQL; fails the test after a while.</summary>
    private static Task<JsonElement[]> DeliveriesWhenAsync(GraphQLClient admin, string webhookId, Func<JsonElement[], bool> done, string? status = null) =>
        Eventually.ReadAsync(
            async () => (await admin.QueryAsync(Deliveries, new { id = webhookId, status })).AssertOk().At("webhookDeliveries").EnumerateArray().ToArray(),
            done, "the deliveries got there", deliveries => JsonSerializer.Serialize(deliveries), Patience);

    private static string Status(JsonElement delivery) => delivery.GetProperty("status").GetString()!;

    private static string Header(ReceivedRequest request, string name) => request.Headers.TryGetValue(name, out var value) ? value : "";

    [Fact]
    public async Task Creating_an_item_and_changing_its_status_each_post_one_delivery_signed_with_the_secret()
    {
        var (organisationId, admin, webhookId, url, secret) = await RegisteredAsync();

        var itemId = await CreateItemAsync(admin, organisationId);
        (await admin.QueryAsync("mutation($id: ID!) { changeBacklogStatus(id: $id, status: ACCEPTED) { status } }", new { id = itemId })).AssertOk();
        var deliveries = await DeliveriesWhenAsync(admin, webhookId, d => d.Length == 2 && d.All(x => Status(x) == "DELIVERED"));

        // Deliveries go out several at a time, so they may arrive in any order; their ids begin with the event's sequence.
        var posts = host.Receiver.To(url).OrderBy(p => long.Parse(Header(p, "X-Engagement-Delivery").Split('.')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["backlog.created", "backlog.status_changed"], posts.Select(p => Header(p, "X-Engagement-Event")));
        Assert.Equal(deliveries.Select(d => d.GetProperty("id").GetString()).Order(), posts.Select(p => Header(p, "X-Engagement-Delivery")).Order());
        foreach (var post in posts)
        {
            // Verified as the README tells a receiver to: HMAC-SHA256 of "{t}.{body}" keyed with the secret, compared with v1.
            var signature = Header(post, "X-Engagement-Signature").Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{signature["t"]}.{post.Body}"));
            Assert.True(CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature["v1"])), $"Bad signature on {post.Body}");
            var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(signature["t"], CultureInfo.InvariantCulture));
            Assert.InRange(signedAt, post.At.AddMinutes(-1), post.At.AddSeconds(1));
            Assert.StartsWith("application/json", Header(post, "Content-Type"), StringComparison.Ordinal);
            var body = JsonDocument.Parse(post.Body).RootElement;
            Assert.Equal((Header(post, "X-Engagement-Delivery"), organisationId, itemId),
                (body.GetProperty("id").GetString(), body.GetProperty("organisationId").GetString(), body.GetProperty("item").GetProperty("id").GetString()));
            Assert.Equal("Longer opening hours « le samedi »", body.GetProperty("item").GetProperty("title").GetString());
        }
        var changed = JsonDocument.Parse(posts[1].Body).RootElement.GetProperty("item");
        Assert.Equal(("ACCEPTED", "PROPOSED"), (changed.GetProperty("status").GetString(), changed.GetProperty("previousStatus").GetString()));
    }

    [Fact]
    public async Task A_receiver_answering_500_then_200_gets_the_delivery_again_and_it_is_delivered_once()
    {
        var (organisationId, admin, webhookId, url, _) = await RegisteredAsync();
        host.Receiver.Script(url, WebhookReceiver.Status(500, "upstream tracker is down"), WebhookReceiver.Status(200));

        await CreateItemAsync(admin, organisationId);
        var delivery = Assert.Single(await DeliveriesWhenAsync(admin, webhookId, d => d.Length == 1 && Status(d[0]) == "DELIVERED"));

        var posts = host.Receiver.To(url);
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Equal(Header(posts[0], "X-Engagement-Delivery"), Header(posts[1], "X-Engagement-Delivery"));
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(0.9), "The second try came before the back-off.");
        Assert.Equal((2, 200), (delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("lastStatusCode").GetInt32()));
    }

    [Fact]
    public async Task A_receiver_that_stalls_past_the_timeout_gets_the_delivery_again()
    {
        var (organisationId, admin, webhookId, url, _) = await RegisteredAsync();
        host.Receiver.Script(url, WebhookReceiver.Stall());

        await CreateItemAsync(admin, organisationId);
        var delivery = Assert.Single(await DeliveriesWhenAsync(admin, webhookId, d => d.Length == 1 && Status(d[0]) == "DELIVERED"));

        Assert.Equal(2, host.Receiver.To(url).Count);
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_receiver_that_keeps_answering_500_ends_with_the_delivery_failed_in_the_api_and_an_admin_can_send_it_again()
    {
        var (organisationId, admin, webhookId, url, _) = await RegisteredAsync();
        host.Receiver.Script(url, [.. Enumerable.Repeat(WebhookReceiver.Status(500, "no"), WebhookHost.MaxAttempts)]);

        await CreateItemAsync(admin, organisationId);
        var failed = Assert.Single(await DeliveriesWhenAsync(admin, webhookId, d => d.Length == 1, status: "FAILED"));

        Assert.Equal(WebhookHost.MaxAttempts, host.Receiver.To(url).Count);
        Assert.Equal((WebhookHost.MaxAttempts, 500, "The receiver answered 500. no", JsonValueKind.Null),
            (failed.GetProperty("attempts").GetInt32(), failed.GetProperty("lastStatusCode").GetInt32(), failed.GetProperty("lastError").GetString(),
                failed.GetProperty("nextAttemptAt").ValueKind));

        var retried = (await admin.QueryAsync("mutation($id: ID!) { retryWebhookDelivery(id: $id) { status attempts } }", new { id = failed.GetProperty("id").GetString() }))
            .AssertOk().At("retryWebhookDelivery");
        Assert.Equal(("PENDING", 0), (retried.GetProperty("status").GetString(), retried.GetProperty("attempts").GetInt32()));
        await DeliveriesWhenAsync(admin, webhookId, d => d.Length == 1 && Status(d[0]) == "DELIVERED");
        Assert.Equal(WebhookHost.MaxAttempts + 1, host.Receiver.To(url).Count);
    }

    [Fact]
    public async Task The_secret_is_given_once_and_admins_manage_webhooks_through_graphql_with_clear_errors()
    {
        var (organisationId, admin, webhookId, url, secret) = await RegisteredAsync();

        var listed = (await admin.QueryAsync("query($org: ID!) { webhooks(organisationId: $org) { id url events enabled description } }", new { org = organisationId })).AssertOk();
        var updated = (await admin.QueryAsync("mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { events description } }",
            new { input = new { id = webhookId, events = new[] { "MERGED", "CREATED" }, description = "Mirror to the tracker" } })).AssertOk().At("updateWebhook");
        var disabled = (await admin.QueryAsync("mutation($id: ID!) { setWebhookEnabled(id: $id, enabled: false) { enabled } }", new { id = webhookId })).AssertOk();
        var insecure = await admin.QueryAsync("mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }",
            new { input = new { organisationId, url = "http://tracker.example.org/hooks" } });
        var tooMany = await admin.QueryAsync("query($id: ID!) { webhookDeliveries(webhookId: $id, first: 1000) { id } }", new { id = webhookId });
        var deleted = (await admin.QueryAsync("mutation($id: ID!) { deleteWebhook(id: $id) { id } }", new { id = webhookId })).AssertOk();
        var gone = await admin.QueryAsync("mutation($id: ID!) { deleteWebhook(id: $id) { id } }", new { id = webhookId });

        var webhook = Assert.Single(listed.At("webhooks").EnumerateArray());
        Assert.Equal((url, true), (webhook.GetProperty("url").GetString(), webhook.GetProperty("enabled").GetBoolean()));
        Assert.Equal(["CREATED", "STATUS_CHANGED"], webhook.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(secret, listed.Body, StringComparison.Ordinal);
        Assert.Equal(["CREATED", "MERGED"], updated.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.False(disabled.At("setWebhookEnabled.enabled").GetBoolean());
        Assert.Equal(("VALIDATION", "url", "INVALID_FORMAT"), Error(insecure));
        Assert.Equal(("VALIDATION", "first", "OUT_OF_RANGE"), Error(tooMany));
        Assert.Equal(webhookId, deleted.At("deleteWebhook.id").GetString());
        Assert.Equal(["NOT_FOUND"], gone.ErrorCodes);
    }

    private static (string Code, string Field, string Reason) Error(GraphQLResponse response)
    {
        var extensions = Assert.Single(response.Root.GetProperty("errors").EnumerateArray()).GetProperty("extensions");
        return (extensions.GetProperty("code").GetString()!, extensions.GetProperty("field").GetString()!, extensions.GetProperty("reason").GetString()!);
    }
}

/// <summary>The platform with webhooks allowed to reach this machine and retried fast, and the receiver it posts to.</summary>
public sealed class WebhookHost : IAsyncLifetime
{
    public const int MaxAttempts = 3;

    public EngagementAppFactory App { get; } = SharedHost.NewApp()
        .WithSetting("Webhooks:AllowPrivateNetworks", "true")
        .WithSetting("Webhooks:TimeoutSeconds", "1")
        .WithSetting("Webhooks:FirstRetrySeconds", "1")
        .WithSetting("Webhooks:MaxRetrySeconds", "1")
        .WithSetting("Webhooks:MaxAttempts", MaxAttempts.ToString(CultureInfo.InvariantCulture))
        .WithSetting("Webhooks:PollMilliseconds", "50");

    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Receiver.DisposeAsync();
    }
}
