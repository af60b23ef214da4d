namespace Engagement.Web.Staff.Moderation;

/// <summary>
/// One queued item as a moderator sees it: the text cut where personal information was masked, why it is here (screening's
/// reasons, citizens' reports), and who holds it. <see cref="Claim"/> is "mine", "other" or null (free).
/// </summary>
public sealed record QueueItemView(string Id, string Kind, IReadOnlyList<(string Text, bool Masked)> Parts, string Language, IReadOnlyList<string> Reasons, string Waiting)
{
    public IReadOnlyList<string> Reports { get; init; } = [];
    public string? Claim { get; init; }

    /// <summary>Passed to an admin by a moderator; it cannot be escalated again.</summary>
    public bool Escalated { get; init; }

    /// <summary>Who holds the claim and until when, in words: "Sam, until 14:05".</summary>
    public string? ClaimNote { get; init; }

    /// <summary>The whole text, for the redaction field.</summary>
    public string Text => string.Concat(Parts.Select(p => p.Text));

    public int MaskedCount => Parts.Count(p => p.Masked);
}

/// <summary>
/// An organisation's moderation queue: the pending items (and, for admins, the escalated ones), what the last action did,
/// and the one error to show beside the item it concerns.
/// </summary>
public sealed record ModerationQueuePageModel(Engagement.Web.Portal.PortalPage Page, string Action, IReadOnlyList<QueueItemView> Items)
{
    public IReadOnlyList<QueueItemView> Escalated { get; init; } = [];
    public string? Notice { get; init; }

    /// <summary>The error of the last action and the item it was about (null for the bulk form).</summary>
    public string? Error { get; init; }
    public string? ErrorItem { get; init; }

    /// <summary>The field of that item's error ("reason", "redactedText"), whose form opens with what was typed.</summary>
    public string? ErrorField { get; init; }
    public string? TypedReason { get; init; }
    public string? TypedRedaction { get; init; }

    /// <summary>The organisation's pending count, which the page keeps current live.</summary>
    public int Pending { get; init; }
}
