using Engagement.Core.Backlog;

namespace Engagement.Core.Webhooks;

/// <summary>
/// A receiver an admin registered for the organisation's backlog events: where to post, which events, and the secret the
/// platform signs each delivery with (kept here to sign; shown to the admin once, when registered).
/// </summary>
public sealed record WebhookEndpoint
{
    /// <summary>Every secret starts so, to be recognisable in a receiver's configuration.</summary>
    public const string SecretPrefix = "whsec_";

    public required string Id { get; init; }
    public required string OrganisationId { get; init; }

    /// <summary>The absolute https address deliveries are posted to, as the admin gave it (see <see cref="WebhookAddresses"/>).</summary>
    public required string Url { get; init; }

    /// <summary>The HMAC-SHA256 key of <see cref="WebhookSignature"/>; never shown again after registration.</summary>
    public required string Secret { get; init; }

    /// <summary>The kinds of backlog event the receiver wants, each once, in <see cref="BacklogEventKind"/> order.</summary>
    public required IReadOnlyList<BacklogEventKind> Events { get; init; }

    /// <summary>A disabled endpoint gets no new deliveries, and those still waiting fail instead of being sent.</summary>
    public required bool Enabled { get; init; }

    /// <summary>The admin's own label ("Mirror to Jira"), when given.</summary>
    public string? Description { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Grows with every change; an update names the version it read, so two admins never overwrite each other.</summary>
    public required int Version { get; init; }

    /// <summary>
    /// Whether an event becomes a delivery to this endpoint: enabled, of its organisation, of a kind it wants, and not
    /// older than the endpoint (a receiver registered late gets no history).
    /// </summary>
    public bool Wants(BacklogEvent evt) =>
        Enabled && evt.Item.OrganisationId == OrganisationId && Events.Contains(evt.Kind) && evt.At >= CreatedAt;

    /// <summary>A fresh secret: the prefix and 256 random bits.</summary>
    public static string NewSecret() => SecretPrefix + Common.SecretTokens.NewToken();
}

/// <summary>The names receivers see for backlog events (the X-Engagement-Event header and the payload's "event").</summary>
public static class WebhookEvents
{
    /// <summary>What an endpoint receives when the admin names no events: new items and status changes.</summary>
    public static IReadOnlyList<BacklogEventKind> Default { get; } = [BacklogEventKind.Created, BacklogEventKind.StatusChanged];

    public static string NameOf(BacklogEventKind kind) => kind switch
    {
        BacklogEventKind.Created => "backlog.created",
        BacklogEventKind.StatusChanged => "backlog.status_changed",
        BacklogEventKind.EvidenceAdded => "backlog.evidence_added",
        BacklogEventKind.Merged => "backlog.merged",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a backlog event."),
    };
}
