using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Engagement.Core.Webhooks;

/// <summary>
/// How a delivery is signed, and the headers that carry it. The signature is HMAC-SHA256, keyed with the endpoint's secret
/// (its UTF-8 bytes), over "{timestamp}.{body}", sent as <c>X-Engagement-Signature: t={unix seconds},v1={lowercase hex}</c>.
/// The timestamp is signed so a receiver can refuse old replays; the body is signed byte for byte as posted.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Engagement-Signature";

    /// <summary>The event's name, such as backlog.created.</summary>
    public const string EventHeader = "X-Engagement-Event";

    /// <summary>The delivery's id, the same on every try, so receivers can drop a repeat.</summary>
    public const string DeliveryHeader = "X-Engagement-Delivery";

    /// <summary>The header value for a body signed at <paramref name="at"/>.</summary>
    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Every header a delivery is posted with, signed at <paramref name="at"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(WebhookDelivery delivery, string secret, DateTimeOffset at) =>
    [
        new(SignatureHeader, Sign(secret, at, delivery.Payload)),
        new(EventHeader, delivery.Event),
        new(DeliveryHeader, delivery.Id),
    ];
}
