using Engagement.Core.Backlog;

namespace Engagement.Core.Webhooks;

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Waiting to be sent, or to be tried again at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up on: refused for good (410 Gone, a private address), out of attempts, or its endpoint disabled. Visible to admins, who may retry it.</summary>
    Failed,
}

/// <summary>One backlog event on its way to one endpoint: the exact body to post, and how its delivery went.</summary>
public sealed record WebhookDelivery
{
    /// <summary>"{event sequence}.{endpoint id}": one event reaches an endpoint once however often it is fanned out, and receivers drop repeats by it.</summary>
    public required string Id { get; init; }

    public required string EndpointId { get; init; }
    public required string OrganisationId { get; init; }

    /// <summary>The event's place in the backlog's feed; later events have larger sequences.</summary>
    public required long EventSequence { get; init; }

    /// <summary>The event's name, as in <see cref="WebhookEvents.NameOf"/>.</summary>
    public required string Event { get; init; }

    /// <summary>The JSON body, fixed when the delivery is made, so every attempt posts the same bytes.</summary>
    public required string Payload { get; init; }

    public required WebhookDeliveryStatus Status { get; init; }

    /// <summary>Tries made so far.</summary>
    public required int Attempts { get; init; }

    /// <summary>When the next try may happen; while a dispatcher holds the delivery, the end of that hold.</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Why the last try failed, in words an admin can act on.</summary>
    public string? LastError { get; init; }

    /// <summary>The HTTP status the receiver last answered, when it answered at all.</summary>
    public int? LastStatusCode { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static string IdOf(long eventSequence, string endpointId) => $"{eventSequence}.{endpointId}";

    /// <summary>A pending delivery of an event to an endpoint, due at <paramref name="now"/>.</summary>
    public static WebhookDelivery Of(BacklogEvent evt, WebhookEndpoint endpoint, DateTimeOffset now)
    {
        var id = IdOf(evt.Sequence, endpoint.Id);
        return new WebhookDelivery
        {
            Id = id,
            EndpointId = endpoint.Id,
            OrganisationId = endpoint.OrganisationId,
            EventSequence = evt.Sequence,
            Event = WebhookEvents.NameOf(evt.Kind),
            Payload = WebhookPayload.Of(id, evt),
            Status = WebhookDeliveryStatus.Pending,
            Attempts = 0,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }
}
