using Engagement.Core.Screening;

namespace Engagement.Core.Moderation;

/// <summary>Why an item is in the queue.</summary>
public enum ModerationSource
{
    /// <summary>Screening held the text.</summary>
    Screening,

    /// <summary>Citizens reported the published text (enough of them to hide it pending review).</summary>
    Reports,
}

/// <summary>Where an item stands.</summary>
public enum ModerationItemStatus
{
    /// <summary>Waiting for a moderator (claimed or not).</summary>
    Pending,

    /// <summary>Passed to an admin by a moderator; admins decide it.</summary>
    Escalated,

    /// <summary>Decided: it leaves the queue.</summary>
    Decided,
}

/// <summary>What was decided about an item.</summary>
public enum ModerationDecision
{
    Approved,
    Rejected,

    /// <summary>Approved after the moderator edited the text (the edit is audited).</summary>
    RedactedAndApproved,

    /// <summary>Approved and recorded as evidence for the improvement backlog.</summary>
    Promoted,
}

/// <summary>
/// One text awaiting (or having had) a moderator's decision: the text as screening left it, every reason it is
/// there, citizens' reports, its priority, the current claim and, once decided, the decision. One open item per text.
/// </summary>
public sealed record ModerationItem
{
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }

    /// <summary>The kind of text, and the record it lives in (a comment's id, a rating's id).</summary>
    public required TextKind Kind { get; init; }

    public required string TargetId { get; init; }

    /// <summary>The consultation the text belongs to, when it belongs to one.</summary>
    public string? ConsultationId { get; init; }

    /// <summary>The text as stored (masked by screening, or as a moderator redacted it).</summary>
    public required string Text { get; init; }

    public required string Language { get; init; }
    public required ModerationSource Source { get; init; }
    public required IReadOnlyList<ScreeningReason> Reasons { get; init; }

    /// <summary>Citizens' reports by reason ("spam", "offensive", "personal_information", "off_topic").</summary>
    public IReadOnlyDictionary<string, int> Reports { get; init; } = new Dictionary<string, int>();

    /// <summary>How likely the text is to do harm, from its reasons and reports; see <see cref="ModerationPriority"/>.</summary>
    public required int Risk { get; init; }

    /// <summary>How many people will see it (the consultation's published comments, as a proxy for its audience).</summary>
    public required int Reach { get; init; }

    /// <summary>The queue's order, highest first, then oldest first: risk weighs more than reach.</summary>
    public int Priority => ModerationPriority.Of(Risk, Reach);

    public required ModerationItemStatus Status { get; init; }

    /// <summary>The backlog item a promoted text became evidence for; null otherwise.</summary>
    public string? PromotedTo { get; init; }

    /// <summary>The staff member whose claim holds the item, while <see cref="ClaimedUntil"/> is in the future.</summary>
    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedUntil { get; init; }

    public ModerationDecision? Decision { get; init; }

    /// <summary>For a rejection, the reason shown to the author; otherwise the moderator's note.</summary>
    public string? DecisionReason { get; init; }

    /// <summary>The staff member who decided, or "system" for screening's own decisions.</summary>
    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Changes with every write; a write with a stale version is refused, so two moderators never both win.</summary>
    public required int Version { get; init; }

    /// <summary>Whether someone other than <paramref name="staffId"/> holds a live claim at <paramref name="now"/>.</summary>
    public bool ClaimedByOtherThan(string staffId, DateTimeOffset now) => ClaimedBy is not null && ClaimedBy != staffId && ClaimedUntil > now;
}

/// <summary>The one formula for an item's place in the queue.</summary>
public static class ModerationPriority
{
    /// <summary>Risk counts ten times as much as reach; reach is capped so a huge consultation cannot drown risk.</summary>
    public static int Of(int risk, int reach) => risk * 10 + Math.Min(reach, 100);

    /// <summary>Risk from reasons (a reason that holds or rejects weighs 10, one recorded for information 1) and reports (5 each).</summary>
    public static int Risk(IEnumerable<ScreeningReason> reasons, IReadOnlyDictionary<string, int> reports) =>
        reasons.Sum(r => r.Severity switch { ReasonSeverity.Reject => 20, ReasonSeverity.Hold => 10, _ => 1 }) + reports.Values.Sum() * 5;
}

/// <summary>Stores moderation items. Every adapter honours the rules stated on each method.</summary>
public interface IModerationItemStore
{
    /// <summary>
    /// Adds an item. Returns false, and changes nothing, when the id is taken or the same text (kind and target)
    /// already has an item that is not decided.
    /// </summary>
    Task<bool> TryAddAsync(ModerationItem item, CancellationToken ct = default);

    /// <summary>
    /// Replaces the item if its stored version is <paramref name="expectedVersion"/>, storing it with version
    /// expectedVersion + 1; false, and nothing changed, otherwise (someone else wrote first, or no such item).
    /// </summary>
    Task<bool> TryUpdateAsync(ModerationItem item, int expectedVersion, CancellationToken ct = default);

    Task<ModerationItem?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The text's item that is not decided yet, if any.</summary>
    Task<ModerationItem?> GetOpenAsync(TextKind kind, string targetId, CancellationToken ct = default);

    /// <summary>
    /// The organisation's items with this status, highest priority first, then oldest, then by id; at most
    /// <paramref name="max"/> (1 to 200).
    /// </summary>
    Task<IReadOnlyList<ModerationItem>> ListAsync(string organisationId, ModerationItemStatus status, int max, CancellationToken ct = default);

    /// <summary>How many of the organisation's items have this status.</summary>
    Task<int> CountAsync(string organisationId, ModerationItemStatus status, CancellationToken ct = default);

    /// <summary>The organisation's items created at or after <paramref name="since"/>, oldest first, at most <paramref name="max"/> (1 to 10,000).</summary>
    Task<IReadOnlyList<ModerationItem>> ListCreatedSinceAsync(string organisationId, DateTimeOffset since, int max, CancellationToken ct = default);
}
