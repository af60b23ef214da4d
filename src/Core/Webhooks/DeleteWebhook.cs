using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Webhooks;

/// <summary>Deletes an endpoint and its deliveries (waiting ones are not sent); returns the endpoint as it was. Audited.</summary>
public sealed class DeleteWebhook(IWebhookStore store, IAuditLog audit, TimeProvider clock) : IUseCase
{
    public sealed record Request(string Id);

    public async Task<Result<WebhookEndpoint>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var stored = string.IsNullOrEmpty(request.Id) ? null : await store.GetEndpointAsync(request.Id, ct);
        // A concurrent delete may have won; that one is audited instead.
        if (stored is null || !await store.DeleteEndpointAsync(stored.Id, ct))
            return Result<WebhookEndpoint>.Fail("id", ErrorCodes.NotFound, "There is no such webhook.");
        await audit.RecordAsync(clock, actor, stored.OrganisationId, AuditActions.WebhookDeleted, "webhook", stored.Id, new Uri(stored.Url).IdnHost, ct);
        return stored;
    }
}
