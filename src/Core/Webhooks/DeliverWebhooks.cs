using Engagement.Core.Common;

namespace Engagement.Core.Webhooks;

/// <summary>
/// Posts the due deliveries, signed: each taken with a hold (so two dispatchers never send one at once), several at a time
/// so one slow receiver does not hold up the others. A 2xx answer delivers it. 410 Gone fails it for good; any other
/// answer, a timeout or a refused connection is tried again after <see cref="WebhookOptions.Backoff"/> until
/// <see cref="WebhookOptions.MaxAttempts"/>, and then fails. Returns how many deliveries were tried.
/// </summary>
/// <remarks>
/// HTTP cannot promise "exactly once": a delivery is marked delivered right after the receiver's answer, and is posted
/// again only when the process dies between the two, after its hold, with the same X-Engagement-Delivery, so the
/// receiver can drop the copy.
/// </remarks>
public sealed class DeliverWebhooks(IWebhookStore store, IWebhookSender sender, WebhookOptions options, TimeProvider clock) : IUseCase
{
    /// <summary>Longer than the sender's longest timeout (60 s) times the waves a batch may take, so a hold never lapses mid-send.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    public const int MaxConcurrent = 8;

    /// <summary>A receiver answering this no longer wants deliveries; trying again cannot help.</summary>
    public const int Gone = 410;

    public async Task<int> ExecuteAsync(int max, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await store.TakeDueAsync(now, now + Hold, max, ct);
        if (due.Count == 0)
            return 0;
        var endpoints = new Dictionary<string, WebhookEndpoint?>(StringComparer.Ordinal);
        foreach (var endpointId in due.Select(d => d.EndpointId).Distinct())
            endpoints[endpointId] = await store.GetEndpointAsync(endpointId, ct);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrent, CancellationToken = ct },
            (delivery, token) => new ValueTask(DeliverAsync(delivery, endpoints[delivery.EndpointId], token)));
        return due.Count;
    }

    private async Task DeliverAsync(WebhookDelivery delivery, WebhookEndpoint? endpoint, CancellationToken ct)
    {
        if (endpoint is null || !endpoint.Enabled)
        {
            await store.MarkFailedAsync(delivery.Id, endpoint is null ? "The webhook was deleted." : "The webhook is disabled; enable it and send the delivery again.",
                null, null, ct);
            return;
        }
        var request = new WebhookRequest(endpoint.Url, delivery.Payload, WebhookSignature.Headers(delivery, endpoint.Secret, clock.GetUtcNow()));
        WebhookResponse response;
        try
        {
            response = await sender.PostAsync(request, ct);
        }
        catch (WebhookDeliveryException e)
        {
            await FailAsync(delivery, e.Message, null, e.Transient, ct);
            return;
        }
        if (response.StatusCode is >= 200 and < 300)
        {
            await store.MarkDeliveredAsync(delivery.Id, clock.GetUtcNow(), response.StatusCode, ct);
            return;
        }
        var answer = response.StatusCode == Gone
            ? $"The receiver answered {Gone} Gone: it wants no more deliveries."
            : $"The receiver answered {response.StatusCode}.";
        await FailAsync(delivery, response.BodyExcerpt is { Length: > 0 } excerpt ? $"{answer} {excerpt}" : answer, response.StatusCode,
            response.StatusCode != Gone, ct);
    }

    private Task FailAsync(WebhookDelivery delivery, string error, int? statusCode, bool transient, CancellationToken ct)
    {
        var attempts = delivery.Attempts + 1;
        DateTimeOffset? retryAt = transient && attempts < options.MaxAttempts ? clock.GetUtcNow() + options.Backoff(attempts) : null;
        return store.MarkFailedAsync(delivery.Id, error, statusCode, retryAt, ct);
    }
}
