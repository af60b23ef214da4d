using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Webhooks;

namespace Engagement.Storage.Tests.Contract;

/// <summary>
/// The rules of <see cref="IWebhookStore"/> every adapter honours: endpoints stored whole and updated under their version
/// (owner, secret and creation kept), deleted with their deliveries; deliveries stored once per id with a checkpoint that
/// only moves forward; due order, holds, delivery state, listing and requeueing.
/// </summary>
public abstract class WebhookStoreContract : StoreContract
{
    private static WebhookEndpoint Endpoint(string? organisationId = null, DateTimeOffset? at = null) => new()
    {
        Id = Ids.New(), OrganisationId = organisationId ?? Ids.New(), Url = "https://tracker.example.org/hooks/engagement?token=" + Make.Unicode.Length,
        Secret = WebhookEndpoint.NewSecret(), Events = [BacklogEventKind.Created, BacklogEventKind.StatusChanged], Enabled = true,
        Description = "Mirror to the tracker " + Make.Unicode, CreatedAt = at ?? Make.T0, UpdatedAt = at ?? Make.T0, Version = 1,
    };

    private static WebhookDelivery Delivery(WebhookEndpoint endpoint, long sequence, DateTimeOffset? at = null) => new()
    {
        Id = WebhookDelivery.IdOf(sequence, endpoint.Id), EndpointId = endpoint.Id, OrganisationId = endpoint.OrganisationId, EventSequence = sequence,
        Event = "backlog.created", Payload = System.Text.Json.JsonSerializer.Serialize(new { id = sequence, title = Make.Unicode }),
        Status = WebhookDeliveryStatus.Pending, Attempts = 0, NextAttemptAt = at ?? Make.T0, CreatedAt = at ?? Make.T0,
    };

    /// <summary>Adds deliveries without moving the checkpoint past where it is.</summary>
    private static async Task<int> AddAsync(StoreSet stores, params WebhookDelivery[] deliveries) =>
        await stores.Webhooks.AddDeliveriesAsync(deliveries, await stores.Webhooks.GetFanOutCheckpointAsync());

    /// <summary>Takes everything due at <paramref name="at"/> (other tests' deliveries included) and returns only these ids'.</summary>
    private static async Task<List<WebhookDelivery>> TakeAsync(StoreSet stores, DateTimeOffset at, DateTimeOffset holdUntil, params string[] ids) =>
        (await stores.Webhooks.TakeDueAsync(at, holdUntil, 100_000)).Where(d => ids.Contains(d.Id)).ToList();

    [ContractFact]
    public async Task TryAddEndpointAsync_stores_the_whole_endpoint_once()
    {
        var stores = await CreateStoresAsync();
        var endpoint = Endpoint();

        Assert.True(await stores.Webhooks.TryAddEndpointAsync(endpoint));
        Assert.False(await stores.Webhooks.TryAddEndpointAsync(endpoint with { Url = "https://other.example.org/" }));

        Same.Equal(endpoint, await stores.Webhooks.GetEndpointAsync(endpoint.Id));
        Assert.Null(await stores.Webhooks.GetEndpointAsync(Ids.New()));
    }

    [ContractFact]
    public async Task ListEndpointsAsync_gives_the_organisations_endpoints_disabled_ones_included_oldest_first()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var later = Endpoint(organisationId, Make.T0.AddMinutes(1)) with { Enabled = false };
        var first = Endpoint(organisationId);
        await stores.Webhooks.TryAddEndpointAsync(later);
        await stores.Webhooks.TryAddEndpointAsync(first);
        await stores.Webhooks.TryAddEndpointAsync(Endpoint());

        Assert.Equal([first.Id, later.Id], (await stores.Webhooks.ListEndpointsAsync(organisationId)).Select(e => e.Id));
        Assert.Empty(await stores.Webhooks.ListEndpointsAsync(Ids.New()));
    }

    [ContractFact]
    public async Task TryUpdateEndpointAsync_replaces_the_settings_under_the_version_and_keeps_owner_secret_and_creation()
    {
        var stores = await CreateStoresAsync();
        var endpoint = Endpoint();
        await stores.Webhooks.TryAddEndpointAsync(endpoint);
        var changed = endpoint with
        {
            Url = "https://new.example.org/in", Events = [BacklogEventKind.Merged], Enabled = false, Description = null,
            UpdatedAt = Make.T0.AddHours(1), Version = 2,
            OrganisationId = Ids.New(), Secret = "whsec_forged", CreatedAt = Make.T0.AddDays(-1),
        };

        Assert.True(await stores.Webhooks.TryUpdateEndpointAsync(changed, expectedVersion: 1));
        Assert.False(await stores.Webhooks.TryUpdateEndpointAsync(changed with { Url = "https://stale.example.org/", Version = 2 }, expectedVersion: 1));
        Assert.False(await stores.Webhooks.TryUpdateEndpointAsync(Endpoint() with { Version = 2 }, expectedVersion: 1));

        Same.Equal(changed with { OrganisationId = endpoint.OrganisationId, Secret = endpoint.Secret, CreatedAt = endpoint.CreatedAt },
            await stores.Webhooks.GetEndpointAsync(endpoint.Id));
    }

    [ContractFact]
    public async Task DeleteEndpointAsync_removes_the_endpoint_and_its_deliveries_only()
    {
        var stores = await CreateStoresAsync();
        var (deleted, kept) = (Endpoint(), Endpoint());
        await stores.Webhooks.TryAddEndpointAsync(deleted);
        await stores.Webhooks.TryAddEndpointAsync(kept);
        await AddAsync(stores, Delivery(deleted, 1), Delivery(deleted, 2), Delivery(kept, 1));

        Assert.True(await stores.Webhooks.DeleteEndpointAsync(deleted.Id));
        Assert.False(await stores.Webhooks.DeleteEndpointAsync(deleted.Id));

        Assert.Null(await stores.Webhooks.GetEndpointAsync(deleted.Id));
        Assert.Null(await stores.Webhooks.GetDeliveryAsync(WebhookDelivery.IdOf(1, deleted.Id)));
        Assert.Empty(await stores.Webhooks.ListDeliveriesAsync(deleted.Id, null, 100));
        Assert.NotNull(await stores.Webhooks.GetEndpointAsync(kept.Id));
        Assert.Single(await stores.Webhooks.ListDeliveriesAsync(kept.Id, null, 100));
    }

    [ContractFact]
    public async Task AddDeliveriesAsync_stores_each_id_once_and_moves_the_checkpoint_forward_only()
    {
        var stores = await CreateStoresAsync();
        var endpoint = Endpoint();
        var start = await stores.Webhooks.GetFanOutCheckpointAsync();
        var delivery = Delivery(endpoint, start + 7);

        Assert.Equal(1, await stores.Webhooks.AddDeliveriesAsync([delivery], start + 10));
        Assert.Equal(start + 10, await stores.Webhooks.GetFanOutCheckpointAsync());
        // A second fan-out over the same events (another node, a retry after a crash) adds nothing and moves nothing back.
        Assert.Equal(0, await stores.Webhooks.AddDeliveriesAsync([delivery with { Payload = "{}", Attempts = 3 }], start + 8));
        Assert.Equal(start + 10, await stores.Webhooks.GetFanOutCheckpointAsync());
        Assert.Equal(0, await stores.Webhooks.AddDeliveriesAsync([], start + 12));
        Assert.Equal(start + 12, await stores.Webhooks.GetFanOutCheckpointAsync());

        Same.Equal(delivery, await stores.Webhooks.GetDeliveryAsync(delivery.Id));
    }

    [ContractFact]
    public async Task TakeDueAsync_takes_due_deliveries_oldest_due_first_and_holds_them_until_the_hold_ends()
    {
        var stores = await CreateStoresAsync();
        var endpoint = Endpoint();
        var now = Make.T0.AddDays(30);
        var (older, newer, notYet) = (Delivery(endpoint, 2, now.AddMinutes(-2)), Delivery(endpoint, 1, now.AddMinutes(-1)), Delivery(endpoint, 3, now.AddHours(1)));
        await AddAsync(stores, newer, older, notYet);
        var ids = new[] { older.Id, newer.Id, notYet.Id };

        var taken = await TakeAsync(stores, now, now.AddMinutes(5), ids);

        Assert.Equal([older.Id, newer.Id], taken.Select(d => d.Id));
        Assert.All(taken, d => Assert.Equal(now.AddMinutes(5), d.NextAttemptAt));
        Assert.Empty(await TakeAsync(stores, now.AddMinutes(1), now.AddMinutes(9), ids));
        Assert.Equal([newer.Id, older.Id], (await TakeAsync(stores, now.AddMinutes(5), now.AddMinutes(10), ids)).Select(d => d.Id).Order());
        Assert.Equal(3, (await TakeAsync(stores, now.AddHours(2), now.AddHours(3), ids)).Count);
    }

    [ContractFact]
    public async Task A_failed_try_is_retried_when_told_or_given_up_and_a_delivered_one_stays_delivered()
    {
        var stores = await CreateStoresAsync();
        var endpoint = Endpoint();
        var (retried, givenUp, delivered) = (Delivery(endpoint, 1), Delivery(endpoint, 2), Delivery(endpoint, 3));
        await AddAsync(stores, retried, givenUp, delivered);

        await stores.Webhooks.MarkFailedAsync(retried.Id, "The receiver answered 500.", 500, Make.T0.AddSeconds(30));
        await stores.Webhooks.MarkFailedAsync(givenUp.Id, "The receiver answered 410 Gone.", 410, null);
        await stores.Webhooks.MarkFailedAsync(givenUp.Id, "again", 500, Make.T0.AddHours(1));
        await stores.Webhooks.MarkDeliveredAsync(delivered.Id, Make.T0.AddSeconds(3), 204);
        await stores.Webhooks.MarkDeliveredAsync(delivered.Id, Make.T0.AddSeconds(9), 200);
        await stores.Webhooks.MarkFailedAsync(delivered.Id, "late failure", null, null);
        await stores.Webhooks.MarkDeliveredAsync(Ids.New(), Make.T0, 200);
        await stores.Webhooks.MarkFailedAsync(Ids.New(), "unknown", null, null);

        var r = await stores.Webhooks.GetDeliveryAsync(retried.Id);
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, Make.T0.AddSeconds(30), "The receiver answered 500.", (int?)500),
            (r!.Status, r.Attempts, r.NextAttemptAt, r.LastError, r.LastStatusCode));
        var g = await stores.Webhooks.GetDeliveryAsync(givenUp.Id);
        Assert.Equal((WebhookDeliveryStatus.Failed, 1, "The receiver answered 410 Gone.", (int?)410), (g!.Status, g.Attempts, g.LastError, g.LastStatusCode));
        var d = await stores.Webhooks.GetDeliveryAsync(delivered.Id);
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, (DateTimeOffset?)Make.T0.AddSeconds(3), (int?)204, (string?)null),
            (d!.Status, d.Attempts, d.DeliveredAt, d.LastStatusCode, d.LastError));
    }

    [ContractFact]
    public async Task ListDeliveriesAsync_gives_an_endpoints_deliveries_newest_first_in_one_status_or_all_up_to_the_limit()
    {
        var stores = await CreateStoresAsync();
        var (endpoint, other) = (Endpoint(), Endpoint());
        var oldest = Delivery(endpoint, 1, Make.T0);
        var (sameTimeEarlier, sameTimeLater) = (Delivery(endpoint, 9, Make.T0.AddMinutes(1)), Delivery(endpoint, 10, Make.T0.AddMinutes(1)));
        await AddAsync(stores, sameTimeLater, oldest, sameTimeEarlier, Delivery(other, 11, Make.T0.AddMinutes(2)));
        await stores.Webhooks.MarkFailedAsync(sameTimeEarlier.Id, "The receiver answered 500.", 500, null);

        Assert.Equal([sameTimeLater.Id, sameTimeEarlier.Id, oldest.Id], (await stores.Webhooks.ListDeliveriesAsync(endpoint.Id, null, 100)).Select(d => d.Id));
        Assert.Equal([sameTimeLater.Id, oldest.Id],
            (await stores.Webhooks.ListDeliveriesAsync(endpoint.Id, WebhookDeliveryStatus.Pending, 100)).Select(d => d.Id));
        Assert.Equal([sameTimeEarlier.Id], (await stores.Webhooks.ListDeliveriesAsync(endpoint.Id, WebhookDeliveryStatus.Failed, 100)).Select(d => d.Id));
        Assert.Empty(await stores.Webhooks.ListDeliveriesAsync(endpoint.Id, WebhookDeliveryStatus.Delivered, 100));
        Assert.Equal([sameTimeLater.Id], (await stores.Webhooks.ListDeliveriesAsync(endpoint.Id, null, 1)).Select(d => d.Id));
    }

    [ContractFact]
    public async Task RequeueAsync_makes_a_failed_delivery_pending_and_due_with_fresh_attempts_and_leaves_others_alone()
    {
        var stores = await CreateStoresAsync();
        var endpoint = Endpoint();
        var (failed, pending, delivered) = (Delivery(endpoint, 1), Delivery(endpoint, 2), Delivery(endpoint, 3));
        await AddAsync(stores, failed, pending, delivered);
        await stores.Webhooks.MarkFailedAsync(failed.Id, "The receiver answered 500.", 500, Make.T0.AddMinutes(1));
        await stores.Webhooks.MarkFailedAsync(failed.Id, "The receiver answered 500.", 500, null);
        await stores.Webhooks.MarkDeliveredAsync(delivered.Id, Make.T0, 200);
        var now = Make.T0.AddDays(1);

        var requeued = await stores.Webhooks.RequeueAsync(failed.Id, now);

        Assert.Equal((WebhookDeliveryStatus.Pending, 0, now, "The receiver answered 500.", (int?)500),
            (requeued!.Status, requeued.Attempts, requeued.NextAttemptAt, requeued.LastError, requeued.LastStatusCode));
        Same.Equal(requeued, await stores.Webhooks.GetDeliveryAsync(failed.Id));
        Assert.Null(await stores.Webhooks.RequeueAsync(failed.Id, now.AddMinutes(1)));
        Assert.Null(await stores.Webhooks.RequeueAsync(pending.Id, now));
        Assert.Null(await stores.Webhooks.RequeueAsync(delivered.Id, now));
        Assert.Null(await stores.Webhooks.RequeueAsync(Ids.New(), now));
        Same.Equal(pending, await stores.Webhooks.GetDeliveryAsync(pending.Id));
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await stores.Webhooks.GetDeliveryAsync(delivered.Id))!.Status);
    }

    [ContractFact]
    public async Task DeleteFinishedBeforeAsync_deletes_old_delivered_and_failed_deliveries_and_never_pending_ones()
    {
        var stores = await CreateStoresAsync();
        var endpoint = Endpoint();
        // Long before every other test's deliveries, so the cut-off touches only these.
        var (old, cutOff) = (Make.T0.AddYears(-60), Make.T0.AddYears(-59));
        var (delivered, failed, pending, recent) = (Delivery(endpoint, 1, old), Delivery(endpoint, 2, old), Delivery(endpoint, 3, old), Delivery(endpoint, 4, cutOff));
        await AddAsync(stores, delivered, failed, pending, recent);
        await stores.Webhooks.MarkDeliveredAsync(delivered.Id, old, 200);
        await stores.Webhooks.MarkFailedAsync(failed.Id, "The receiver answered 410 Gone.", 410, null);
        await stores.Webhooks.MarkDeliveredAsync(recent.Id, cutOff, 200);

        Assert.Equal(2, await stores.Webhooks.DeleteFinishedBeforeAsync(cutOff, 100));

        Assert.Null(await stores.Webhooks.GetDeliveryAsync(delivered.Id));
        Assert.Null(await stores.Webhooks.GetDeliveryAsync(failed.Id));
        Assert.NotNull(await stores.Webhooks.GetDeliveryAsync(pending.Id));
        Assert.NotNull(await stores.Webhooks.GetDeliveryAsync(recent.Id));
    }
}
