namespace Engagement.Core.Webhooks;

/// <summary>
/// Webhook endpoints and their deliveries. Every adapter honours the rules stated on each method. Deliveries are made by
/// the fan-out from the backlog's event feed, in one commit with the feed checkpoint, so an event is never skipped nor
/// delivered twice to one endpoint.
/// </summary>
public interface IWebhookStore
{
    /// <summary>Adds an endpoint durably; false, with nothing written, when its id is taken.</summary>
    Task<bool> TryAddEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct = default);

    /// <summary>The endpoint with this id, or null.</summary>
    Task<WebhookEndpoint?> GetEndpointAsync(string id, CancellationToken ct = default);

    /// <summary>The organisation's endpoints, disabled ones included, oldest first (creation time, then id).</summary>
    Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(string organisationId, CancellationToken ct = default);

    /// <summary>
    /// Replaces the endpoint's address, events, description, enabled flag, update time and version when its stored
    /// version is <paramref name="expectedVersion"/>; its organisation, secret and creation time stay as stored. False,
    /// with nothing written, when the version differs or no endpoint has this id.
    /// </summary>
    Task<bool> TryUpdateEndpointAsync(WebhookEndpoint endpoint, int expectedVersion, CancellationToken ct = default);

    /// <summary>Removes the endpoint and every delivery made for it, in one commit; false when no endpoint has this id.</summary>
    Task<bool> DeleteEndpointAsync(string id, CancellationToken ct = default);

    /// <summary>The sequence of the last backlog event fanned out; 0 before the first.</summary>
    Task<long> GetFanOutCheckpointAsync(CancellationToken ct = default);

    /// <summary>
    /// Stores the deliveries whose id is not stored yet and moves the fan-out checkpoint to <paramref name="checkpoint"/>,
    /// in one commit; the checkpoint never moves back (two fan-outs racing over the same events store each delivery once
    /// and leave the larger checkpoint). Returns how many deliveries were new.
    /// </summary>
    Task<int> AddDeliveriesAsync(IReadOnlyList<WebhookDelivery> deliveries, long checkpoint, CancellationToken ct = default);

    /// <summary>
    /// Takes up to <paramref name="max"/> pending deliveries due at <paramref name="now"/>, oldest due first, holding each
    /// until <paramref name="holdUntil"/> (so no other dispatcher takes them meanwhile, and a dispatcher that dies lets them go).
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> TakeDueAsync(DateTimeOffset now, DateTimeOffset holdUntil, int max, CancellationToken ct = default);

    /// <summary>Records a try the receiver accepted; only a pending delivery changes (an unknown id is ignored).</summary>
    Task MarkDeliveredAsync(string id, DateTimeOffset at, int statusCode, CancellationToken ct = default);

    /// <summary>
    /// Records a failed try: pending again from <paramref name="retryAt"/>, or failed for good when it is null. Only a
    /// pending delivery changes (an unknown id is ignored).
    /// </summary>
    Task MarkFailedAsync(string id, string error, int? statusCode, DateTimeOffset? retryAt, CancellationToken ct = default);

    /// <summary>The delivery with this id, or null.</summary>
    Task<WebhookDelivery?> GetDeliveryAsync(string id, CancellationToken ct = default);

    /// <summary>An endpoint's deliveries, optionally in one status, newest first (creation time, then event sequence), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string endpointId, WebhookDeliveryStatus? status, int max, CancellationToken ct = default);

    /// <summary>
    /// Makes a failed delivery pending again, due at <paramref name="now"/>, with its attempts counted from zero (its last
    /// error and status code kept). Returns the delivery as requeued; null, with nothing changed, when no failed delivery
    /// has this id (unknown, or pending or delivered).
    /// </summary>
    Task<WebhookDelivery?> RequeueAsync(string id, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>
    /// Deletes up to <paramref name="max"/> delivered or failed deliveries created before <paramref name="before"/>,
    /// oldest first (pending ones are never deleted); returns how many.
    /// </summary>
    Task<int> DeleteFinishedBeforeAsync(DateTimeOffset before, int max, CancellationToken ct = default);
}
