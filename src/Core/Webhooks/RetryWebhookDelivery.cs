using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Webhooks;

/// <summary>
/// Sends a failed delivery again: pending and due now, with a fresh run of attempts and the same id and body (so a
/// receiver that did get it can drop it). Its endpoint must be enabled. Audited.
/// </summary>
public sealed class RetryWebhookDelivery(IWebhookStore store, IAuditLog audit, TimeProvider clock) : IUseCase
{
    public sealed record Request(string DeliveryId);

    public async Task<Result<WebhookDelivery>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var delivery = string.IsNullOrEmpty(request.DeliveryId) ? null : await store.GetDeliveryAsync(request.DeliveryId, ct);
        var endpoint = delivery is null ? null : await store.GetEndpointAsync(delivery.EndpointId, ct);
        if (delivery is null || endpoint is null)
            return Result<WebhookDelivery>.Fail("id", ErrorCodes.NotFound, "There is no such webhook delivery.");
        if (delivery.Status != WebhookDeliveryStatus.Failed)
            return Result<WebhookDelivery>.Fail("id", ErrorCodes.InvalidState,
                $"Only a failed delivery can be sent again; this one is {delivery.Status.ToString().ToLowerInvariant()}.");
        if (!endpoint.Enabled)
            return Result<WebhookDelivery>.Fail("id", ErrorCodes.InvalidState, "The webhook is disabled; enable it before sending its deliveries again.");

        var requeued = await store.RequeueAsync(delivery.Id, clock.GetUtcNow(), ct);
        // Another admin's retry won the race; this one changed nothing, so it is not audited.
        if (requeued is null)
            return Result<WebhookDelivery>.Fail("id", ErrorCodes.InvalidState, "This delivery is no longer failed; it was sent again meanwhile.");
        await audit.RecordAsync(clock, actor, requeued.OrganisationId, AuditActions.WebhookDeliveryRetried, "webhook", requeued.EndpointId, requeued.Id, ct);
        return requeued;
    }
}
