using Engagement.Core.Common;

namespace Engagement.Core.Webhooks;

/// <summary>Deletes webhook deliveries that were delivered or given up on longer ago than the retention says; pending ones stay.</summary>
public sealed class ForgetOldWebhookDeliveries(IWebhookStore store, RetentionOptions retention, TimeProvider clock) : IUseCase
{
    /// <summary>Returns how many were deleted.</summary>
    public Task<int> ExecuteAsync(CancellationToken ct = default) =>
        BatchDeletes.UntilDoneAsync(max => store.DeleteFinishedBeforeAsync(clock.GetUtcNow() - retention.WebhookDeliveries, max, ct));
}
