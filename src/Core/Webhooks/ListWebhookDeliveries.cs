using Engagement.Core.Common;

namespace Engagement.Core.Webhooks;

/// <summary>An endpoint's deliveries, newest first, optionally only those in one status (failed ones, for an admin to look into).</summary>
public sealed class ListWebhookDeliveries(IWebhookStore store) : IUseCase
{
    public const int MaxPage = 100;

    public sealed record Request(string WebhookId, WebhookDeliveryStatus? Status = null, int First = 20);

    public async Task<Result<IReadOnlyList<WebhookDelivery>>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var v = new Validator();
        if (request.Status is { } status)
            v.Defined("status", status);
        if (request.First is < 1 or > MaxPage)
            v.Add("first", ErrorCodes.OutOfRange, $"Ask for 1 to {MaxPage} deliveries at a time.");
        if (v.HasErrors)
            return Result<IReadOnlyList<WebhookDelivery>>.Fail(v.Errors);
        if (string.IsNullOrEmpty(request.WebhookId) || await store.GetEndpointAsync(request.WebhookId, ct) is null)
            return Result<IReadOnlyList<WebhookDelivery>>.Fail("webhookId", ErrorCodes.NotFound, "There is no such webhook.");
        return Result<IReadOnlyList<WebhookDelivery>>.Ok(await store.ListDeliveriesAsync(request.WebhookId, request.Status, request.First, ct));
    }
}
