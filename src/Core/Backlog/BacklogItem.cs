using Engagement.Core.Insights;

namespace Engagement.Core.Backlog;

/// <summary>Where an improvement stands. Proposed → accepted → in progress → shipped, or declined from any open status.</summary>
public enum BacklogStatus
{
    Proposed,
    Accepted,
    InProgress,

    /// <summary>Done: carries a public "you said, we did" note.</summary>
    Shipped,

    /// <summary>Not done: carries a public reason.</summary>
    Declined,
}

/// <summary>What a piece of evidence is.</summary>
public enum EvidenceKind
{
    Comment,
    Reply,
    SurveyAnswer,
    RatingComment,

    /// <summary>A theme of the organisation's texts; it weighs as many texts as it held when linked.</summary>
    Theme,

    /// <summary>A drift alert; it weighs as many texts as its recent window held.</summary>
    DriftAlert,
}

/// <summary>
/// One piece of evidence behind an item: the record it points to, how many texts it stands for, its sentiment where
/// known, an excerpt for staff, when it was said and who linked it. An item holds each record once.
/// </summary>
public sealed record Evidence
{
    public required EvidenceKind Kind { get; init; }

    /// <summary>The comment's or rating's id, "responseId/questionId" for a survey answer, or the theme's or alert's id.</summary>
    public required string TargetId { get; init; }

    /// <summary>How many texts it stands for: 1 for a text, the theme's or alert's count otherwise.</summary>
    public required int Weight { get; init; }

    /// <summary>The share of those texts read as negative (0 to 1), when known.</summary>
    public double? NegativeShare { get; init; }

    /// <summary>A short quote for staff (texts are already masked by screening).</summary>
    public string? Excerpt { get; init; }

    /// <summary>When the feedback was given (the text's time, the theme's snapshot, the alert's day).</summary>
    public required DateTimeOffset At { get; init; }

    public required string AddedBy { get; init; }

    /// <summary>The key under which an item holds evidence once.</summary>
    public string Key => $"{Kind}:{TargetId}";
}

/// <summary>Why an item is ranked where it is: each part of <see cref="BacklogPriority"/>, as shown to staff.</summary>
public sealed record PriorityExplanation(double Volume, double RecentVolume, double NegativeShare, long Reach, double Score, DateTimeOffset ComputedAt);

/// <summary>
/// An improvement the organisation may make, with the evidence behind it and its computed priority. Its public note is
/// the reason it was declined or what was done ("you said, we did"); a merged item points to the one that absorbed it.
/// </summary>
public sealed record BacklogItem
{
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }

    /// <summary>The service concerned, when one is.</summary>
    public string? ServiceId { get; init; }

    /// <summary>The consultation concerned, when one is.</summary>
    public string? ConsultationId { get; init; }

    /// <summary>The staff member who owns the work, when one does.</summary>
    public string? OwnerId { get; init; }

    public required BacklogStatus Status { get; init; }

    /// <summary>The public reason (declined) or "you said, we did" note (shipped); null while open.</summary>
    public string? PublicNote { get; init; }

    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    public required PriorityExplanation Priority { get; init; }

    /// <summary>The item this one was merged into; a merged item leaves the board.</summary>
    public string? MergedInto { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it shipped; null until then.</summary>
    public DateTimeOffset? ShippedAt { get; init; }

    /// <summary>Grows with every write; an update names the version it read, so concurrent edits never overwrite each other.</summary>
    public required int Version { get; init; }

    public bool IsOpen => Status is BacklogStatus.Proposed or BacklogStatus.Accepted or BacklogStatus.InProgress && MergedInto is null;

    /// <summary>The item with more evidence: records it already holds are kept once (the first link stands).</summary>
    public BacklogItem WithEvidence(IEnumerable<Evidence> more)
    {
        var held = Evidence.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var added = more.Where(e => held.Add(e.Key)).ToList();
        return added.Count == 0 ? this : this with { Evidence = [.. Evidence, .. added] };
    }
}

/// <summary>
/// Backlog items, stored whole, updated under their version. Each write commits, with the item, what it causes
/// (<see cref="BacklogWrite"/>): an event on the feed, its emails in the outbox, its spent follow-ups deleted.
/// </summary>
public interface IBacklogStore
{
    /// <summary>Stores a new item with what it causes; false, with nothing written, when its id is taken.</summary>
    Task<bool> TryAddAsync(BacklogItem item, BacklogWrite write, CancellationToken ct = default);

    /// <summary>
    /// Replaces the item, with what the change causes, when its stored version is <paramref name="expectedVersion"/>;
    /// false otherwise, with nothing written.
    /// </summary>
    Task<bool> TryUpdateAsync(BacklogItem item, int expectedVersion, BacklogWrite write, CancellationToken ct = default);

    /// <summary>Events after <paramref name="sequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<BacklogEvent>> ReadEventsAsync(long sequence, int max, CancellationToken ct = default);

    Task<BacklogItem?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The organisation's items not merged into another, optionally in one status, newest first; at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<BacklogItem>> ListAsync(string organisationId, BacklogStatus? status, int max, CancellationToken ct = default);
}
