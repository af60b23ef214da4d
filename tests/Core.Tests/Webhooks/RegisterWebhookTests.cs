using Engagement.Core.Audit;
using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Tests.Support;
using Engagement.Core.Webhooks;

namespace Engagement.Core.Tests.Webhooks;

/// <summary>
/// Registering, changing, disabling and deleting webhooks: the secret is made once and kept, only public https receivers
/// are accepted unless private networks are allowed, every refusal names its field and changes nothing, every change is audited.
/// </summary>
public sealed class RegisterWebhookTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Admin = Actor.Staff("admin-1");
    private const string Receiver = "https://tracker.example.org/hooks/engagement";
    private readonly TestPlatform _platform = new(db);

    private async Task<(string OrganisationId, RegisterWebhook.Registered Registered)> RegisterAsync(string url = Receiver, IReadOnlyList<BacklogEventKind>? events = null)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        return (organisation.Id, ResultAssert.Succeeded(await _platform.RegisterWebhook.ExecuteAsync(new(organisation.Id, url, events, "Mirror"), Admin)));
    }

    private async Task<List<string>> AuditActionsAsync(string organisationId) =>
        [.. (await _platform.AuditTrailAsync(organisationId)).Where(e => e.Action.StartsWith("webhook.", StringComparison.Ordinal)).Select(e => $"{e.Action} {e.Actor}")];

    [Fact]
    public async Task A_webhook_is_registered_enabled_for_new_items_and_status_changes_with_a_secret_given_once_and_audited()
    {
        var (organisationId, registered) = await RegisterAsync();

        var webhook = registered.Webhook;
        Assert.Equal((Receiver, true, "Mirror", 1), (webhook.Url, webhook.Enabled, webhook.Description, webhook.Version));
        Assert.Equal([BacklogEventKind.Created, BacklogEventKind.StatusChanged], webhook.Events);
        Assert.StartsWith(WebhookEndpoint.SecretPrefix, registered.Secret, StringComparison.Ordinal);
        Assert.Equal(WebhookEndpoint.SecretPrefix.Length + SecretTokens.TokenLength, registered.Secret.Length);
        Assert.NotEqual(registered.Secret, (await RegisterAsync()).Registered.Secret);
        Assert.Equal(registered.Secret, (await _platform.Webhooks.GetEndpointAsync(webhook.Id))!.Secret);
        var entry = Assert.Single(await _platform.AuditTrailAsync(organisationId, webhook.Id));
        Assert.Equal((AuditActions.WebhookRegistered, Admin, "tracker.example.org: backlog.created, backlog.status_changed"), (entry.Action, entry.Actor, entry.Detail));
    }

    [Fact]
    public async Task The_events_named_are_kept_once_each_in_order()
    {
        var (_, registered) = await RegisterAsync(events: [BacklogEventKind.Merged, BacklogEventKind.Created, BacklogEventKind.Merged]);

        Assert.Equal([BacklogEventKind.Created, BacklogEventKind.Merged], registered.Webhook.Events);
    }

    public static TheoryData<string, string, string> BadAddresses() => new()
    {
        { "", "url", ErrorCodes.Required },
        { "https://example.org/" + new string('a', TextLimits.PageUrl), "url", ErrorCodes.TooLong },
        { "tracker.example.org/hooks", "url", ErrorCodes.InvalidFormat },
        { "ftp://tracker.example.org/hooks", "url", ErrorCodes.InvalidFormat },
        { "http://tracker.example.org/hooks", "url", ErrorCodes.InvalidFormat },
        { " https://tracker.example.org/hooks", "url", ErrorCodes.InvalidFormat },
        { "https://tracker.example.org/ho oks", "url", ErrorCodes.InvalidFormat },
        { "https://user:password@tracker.example.org/hooks", "url", ErrorCodes.InvalidFormat },
        { "https://tracker.example.org/hooks#fragment", "url", ErrorCodes.InvalidFormat },
        { "https://localhost/hooks", "url", ErrorCodes.InvalidFormat },
        { "https://api.localhost./hooks", "url", ErrorCodes.InvalidFormat },
        { "https://127.0.0.1/hooks", "url", ErrorCodes.InvalidFormat },
        { "https://2130706433/hooks", "url", ErrorCodes.InvalidFormat },
        { "https://10.1.2.3/hooks", "url", ErrorCodes.InvalidFormat },
        { "https://169.254.169.254/latest/meta-data", "url", ErrorCodes.InvalidFormat },
        { "https://[::1]/hooks", "url", ErrorCodes.InvalidFormat },
        { "https://[::ffff:192.168.1.1]/hooks", "url", ErrorCodes.InvalidFormat },
        { "https://[fd00::1]/hooks", "url", ErrorCodes.InvalidFormat },
    };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task A_bad_or_private_address_is_refused_naming_the_field_and_nothing_is_stored(string url, string field, string code)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await _platform.RegisterWebhook.ExecuteAsync(new(organisation.Id, url), Admin), field, code);

        Assert.Empty(await _platform.Webhooks.ListEndpointsAsync(organisation.Id));
        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks", true)]
    [InlineData("http://localhost:8080/hooks", true)]
    [InlineData("https://10.1.2.3/hooks", true)]
    [InlineData("http://10.1.2.3/hooks", false)]
    [InlineData("http://tracker.example.org/hooks", false)]
    public async Task With_private_networks_allowed_private_receivers_are_accepted_and_plain_http_only_on_this_machine(string url, bool accepted)
    {
        _platform.WebhookOptions = new WebhookOptions { AllowPrivateNetworks = true };
        var organisation = await _platform.CreateOrganisationAsync();

        var result = await _platform.RegisterWebhook.ExecuteAsync(new(organisation.Id, url), Admin);

        if (accepted)
            Assert.Equal(url, ResultAssert.Succeeded(result).Webhook.Url);
        else
            ResultAssert.FailedOnly(result, "url", ErrorCodes.InvalidFormat);
    }

    [Fact]
    public async Task Bad_events_a_long_description_and_an_unknown_organisation_are_refused()
    {
        var organisation = await _platform.CreateOrganisationAsync();

        var bad = await _platform.RegisterWebhook.ExecuteAsync(new(organisation.Id, Receiver, [], new string('d', 201)), Admin);
        ResultAssert.Failed(bad, "events", ErrorCodes.Required);
        ResultAssert.Failed(bad, "description", ErrorCodes.TooLong);
        ResultAssert.FailedOnly(await _platform.RegisterWebhook.ExecuteAsync(new(organisation.Id, Receiver, [(BacklogEventKind)42]), Admin), "events", ErrorCodes.InvalidFormat);
        ResultAssert.FailedOnly(await _platform.RegisterWebhook.ExecuteAsync(new(Ids.New(), Receiver), Admin), "organisationId", ErrorCodes.NotFound);
        Assert.Empty(await _platform.Webhooks.ListEndpointsAsync(organisation.Id));
    }

    [Fact]
    public async Task An_organisation_registers_at_most_twenty_webhooks()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        for (var i = 0; i < RegisterWebhook.MaxPerOrganisation; i++)
            ResultAssert.Succeeded(await _platform.RegisterWebhook.ExecuteAsync(new(organisation.Id, $"{Receiver}/{i}"), Admin));

        ResultAssert.FailedOnly(await _platform.RegisterWebhook.ExecuteAsync(new(organisation.Id, Receiver), Admin), "organisationId", ErrorCodes.OutOfRange);
        Assert.Equal(RegisterWebhook.MaxPerOrganisation, (await _platform.Webhooks.ListEndpointsAsync(organisation.Id)).Count);
    }

    [Fact]
    public async Task Updating_changes_only_the_fields_given_keeps_the_secret_and_audits_which_fields_changed()
    {
        var (organisationId, registered) = await RegisterAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(3));

        var updated = ResultAssert.Succeeded(await _platform.UpdateWebhook.ExecuteAsync(
            new(registered.Webhook.Id, Events: [BacklogEventKind.Merged, BacklogEventKind.EvidenceAdded], Description: ""), Admin));

        Assert.Equal((Receiver, (string?)null, 2, _platform.Clock.GetUtcNow()), (updated.Url, updated.Description, updated.Version, updated.UpdatedAt));
        Assert.Equal([BacklogEventKind.EvidenceAdded, BacklogEventKind.Merged], updated.Events);
        Assert.Equal(registered.Secret, (await _platform.Webhooks.GetEndpointAsync(updated.Id))!.Secret);
        Assert.Equal("events: backlog.evidence_added, backlog.merged, description",
            (await _platform.AuditTrailAsync(organisationId, updated.Id)).Single(e => e.Action == AuditActions.WebhookUpdated).Detail);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_nothing_and_a_bad_one_is_refused_before_any_read()
    {
        var (organisationId, registered) = await RegisterAsync();

        var same = ResultAssert.Succeeded(await _platform.UpdateWebhook.ExecuteAsync(new(registered.Webhook.Id, Receiver, [BacklogEventKind.StatusChanged, BacklogEventKind.Created], "Mirror"), Admin));
        ResultAssert.FailedOnly(await _platform.UpdateWebhook.ExecuteAsync(new(registered.Webhook.Id, Url: "http://tracker.example.org/"), Admin), "url", ErrorCodes.InvalidFormat);
        ResultAssert.FailedOnly(await _platform.UpdateWebhook.ExecuteAsync(new(registered.Webhook.Id, Events: []), Admin), "events", ErrorCodes.Required);
        ResultAssert.FailedOnly(await _platform.UpdateWebhook.ExecuteAsync(new(Ids.New(), Url: Receiver + "/2"), Admin), "id", ErrorCodes.NotFound);

        Assert.Equal(1, same.Version);
        Assert.Equal(1, (await _platform.Webhooks.GetEndpointAsync(registered.Webhook.Id))!.Version);
        Assert.Equal([$"{AuditActions.WebhookRegistered} {Admin}"], await AuditActionsAsync(organisationId));
    }

    [Fact]
    public async Task Disabling_and_enabling_are_audited_once_each_and_setting_the_same_state_writes_nothing()
    {
        var (organisationId, registered) = await RegisterAsync();

        Assert.False(ResultAssert.Succeeded(await _platform.SetWebhookEnabled.ExecuteAsync(new(registered.Webhook.Id, false), Admin)).Enabled);
        Assert.False(ResultAssert.Succeeded(await _platform.SetWebhookEnabled.ExecuteAsync(new(registered.Webhook.Id, false), Admin)).Enabled);
        Assert.True(ResultAssert.Succeeded(await _platform.SetWebhookEnabled.ExecuteAsync(new(registered.Webhook.Id, true), Admin)).Enabled);
        ResultAssert.FailedOnly(await _platform.SetWebhookEnabled.ExecuteAsync(new("", true), Admin), "id", ErrorCodes.NotFound);

        Assert.Equal([$"{AuditActions.WebhookRegistered} {Admin}", $"{AuditActions.WebhookDisabled} {Admin}", $"{AuditActions.WebhookEnabled} {Admin}"],
            await AuditActionsAsync(organisationId));
        Assert.Equal(3, (await _platform.Webhooks.GetEndpointAsync(registered.Webhook.Id))!.Version);
    }

    [Fact]
    public async Task Deleting_removes_the_webhook_once_and_is_audited()
    {
        var (organisationId, registered) = await RegisterAsync();

        Assert.Equal(registered.Webhook.Id, ResultAssert.Succeeded(await _platform.DeleteWebhook.ExecuteAsync(new(registered.Webhook.Id), Admin)).Id);
        ResultAssert.FailedOnly(await _platform.DeleteWebhook.ExecuteAsync(new(registered.Webhook.Id), Admin), "id", ErrorCodes.NotFound);

        Assert.Empty(await _platform.Webhooks.ListEndpointsAsync(organisationId));
        Assert.Equal([$"{AuditActions.WebhookRegistered} {Admin}", $"{AuditActions.WebhookDeleted} {Admin}"], await AuditActionsAsync(organisationId));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.0.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("64:ff9b::808:808", true)]
    public void Only_public_internet_addresses_count_as_public(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookAddresses.IsPublic(System.Net.IPAddress.Parse(address)));
}
