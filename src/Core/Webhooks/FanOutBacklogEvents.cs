using Engagement.Core.Backlog;
using Engagement.Core.Common;

namespace Engagement.Core.Webhooks;

/// <summary>
/// Turns the next backlog events into deliveries: one per event and endpoint that wants it (<see cref="WebhookEndpoint.Wants"/>),
/// stored with the new fan-out checkpoint in one commit. Returns how many events were read; run again until it reads none.
/// </summary>
/// <remarks>
/// A fan-out repeated over the same events (a crash before the commit, two nodes at once) makes the same delivery ids,
/// which the store keeps once; an event is never skipped, because the checkpoint moves only with its deliveries.
/// </remarks>
public sealed class FanOutBacklogEvents(IBacklogStore backlog, IWebhookStore webhooks, TimeProvider clock) : IUseCase
{
    public async Task<int> ExecuteAsync(int max, CancellationToken ct = default)
    {
        var checkpoint = await webhooks.GetFanOutCheckpointAsync(ct);
        var events = await backlog.ReadEventsAsync(checkpoint, max, ct);
        if (events.Count == 0)
            return 0;
        var now = clock.GetUtcNow();
        var endpoints = new Dictionary<string, IReadOnlyList<WebhookEndpoint>>(StringComparer.Ordinal);
        var deliveries = new List<WebhookDelivery>();
        foreach (var evt in events)
        {
            var organisationId = evt.Item.OrganisationId;
            if (!endpoints.TryGetValue(organisationId, out var candidates))
                endpoints[organisationId] = candidates = await webhooks.ListEndpointsAsync(organisationId, ct);
            deliveries.AddRange(candidates.Where(e => e.Wants(evt)).Select(e => WebhookDelivery.Of(evt, e, now)));
        }
        await webhooks.AddDeliveriesAsync(deliveries, events[^1].Sequence, ct);
        return events.Count;
    }
}
