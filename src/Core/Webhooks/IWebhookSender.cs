namespace Engagement.Core.Webhooks;

/// <summary>One POST to a receiver: the address, the JSON body and the headers that sign and name it.</summary>
public sealed record WebhookRequest(string Url, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>How a receiver answered: its status and the start of its body (for the admin to read), when it had one.</summary>
public sealed record WebhookResponse(int StatusCode, string? BodyExcerpt = null);

/// <summary>
/// Posts one delivery. The dispatcher (<see cref="DeliverWebhooks"/>) is the only caller, and it decides from the status
/// what happened; the adapter only carries the request.
/// </summary>
/// <remarks>
/// Every adapter honours this contract. PostAsync returns once the receiver answered, whatever the status (redirects are
/// answers, never followed). Otherwise it throws <see cref="WebhookDeliveryException"/>: transient when the same request
/// may get through later (name not found, connection refused or reset, no answer in time), permanent when the adapter will
/// never send it as it is (an address its network policy forbids, such as a private or loopback one). Cancelling
/// <c>ct</c> throws <see cref="OperationCanceledException"/>, after which the receiver may or may not have the request.
/// </remarks>
public interface IWebhookSender
{
    Task<WebhookResponse> PostAsync(WebhookRequest request, CancellationToken ct = default);
}

/// <summary>A request that got no answer, and whether trying it again later can help.</summary>
public sealed class WebhookDeliveryException(string message, bool transient, Exception? innerException = null) : Exception(message, innerException)
{
    public bool Transient { get; } = transient;
}
