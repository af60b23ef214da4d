using Engagement.Core.Email;

namespace Engagement.Core.Backlog;

/// <summary>What happened to a backlog item in one write.</summary>
public enum BacklogEventKind
{
    Created,
    StatusChanged,
    EvidenceAdded,

    /// <summary>The item was merged into another (<see cref="BacklogItem.MergedInto"/>).</summary>
    Merged,
}

/// <summary>
/// What a backlog write causes, committed in the same transaction as the item: the event the board and webhooks learn of,
/// the emails it sends (into the outbox) and the follow-up addresses it uses up (deleted).
/// </summary>
public sealed record BacklogWrite(BacklogEventKind Event, BacklogStatus? PreviousStatus = null)
{
    public IReadOnlyList<EmailMessage> Emails { get; init; } = [];

    /// <summary>Ids of follow-ups to delete: their contributors have been told, or the item they waited on closed.</summary>
    public IReadOnlyList<string> SpentFollowUps { get; init; } = [];

    /// <summary>The event a change from <paramref name="before"/> to <paramref name="after"/> is.</summary>
    public static BacklogWrite Between(BacklogItem before, BacklogItem after) =>
        after.MergedInto is not null && before.MergedInto is null ? new(BacklogEventKind.Merged)
        : after.Status != before.Status ? new(BacklogEventKind.StatusChanged, before.Status)
        : new(BacklogEventKind.EvidenceAdded);
}

/// <summary>One write to the backlog as its event feed keeps it: the item as written, in commit order.</summary>
/// <param name="Sequence">Grows with each event, in commit order; a reader resumes after the last it handled.</param>
public sealed record BacklogEvent(long Sequence, BacklogEventKind Kind, BacklogStatus? PreviousStatus, BacklogItem Item, DateTimeOffset At);
