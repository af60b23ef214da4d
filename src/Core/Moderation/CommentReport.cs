namespace Engagement.Core.Moderation;

/// <summary>Why a citizen reports a published comment.</summary>
public enum ReportReason
{
    Spam,
    Offensive,

    /// <summary>The comment gives away someone's personal information.</summary>
    PersonalInformation,
    OffTopic,
}

/// <summary>One participant's report of one comment; a participant reports a comment at most once.</summary>
public sealed record CommentReport
{
    public required string CommentId { get; init; }
    public required string ParticipantId { get; init; }
    public required ReportReason Reason { get; init; }
    public required DateTimeOffset At { get; init; }
}

/// <summary>How citizens' reports act on comments; the host sets it from the Moderation:ReportThreshold setting.</summary>
public sealed record ReportOptions
{
    public const int DefaultThreshold = 3;

    /// <summary>
    /// How many participants' reports, made since the comment was last published, hide it pending a moderator's review.
    /// </summary>
    public int Threshold { get; init; } = DefaultThreshold;
}

/// <summary>The keys a moderation item counts reports under, one per <see cref="ReportReason"/>.</summary>
public static class ReportKeys
{
    /// <summary>"spam", "offensive", "personal_information" or "off_topic".</summary>
    public static string Key(this ReportReason reason) => reason switch
    {
        ReportReason.Spam => "spam",
        ReportReason.Offensive => "offensive",
        ReportReason.PersonalInformation => "personal_information",
        ReportReason.OffTopic => "off_topic",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a report reason."),
    };
}

/// <summary>Stores citizens' reports of comments. Every adapter honours the rules stated on each method.</summary>
public interface ICommentReportStore
{
    /// <summary>
    /// Adds a report. Returns false, and changes nothing, when this participant already reported this comment (for any
    /// reason, at any time), even when the two reports arrive at once.
    /// </summary>
    Task<bool> TryAddAsync(CommentReport report, CancellationToken ct = default);

    /// <summary>
    /// The comment's reports made at or after <paramref name="since"/> (compared as instants, whatever their offsets),
    /// counted by reason; reasons with no report are absent, so an unknown comment gives an empty dictionary.
    /// </summary>
    Task<IReadOnlyDictionary<ReportReason, int>> CountAsync(string commentId, DateTimeOffset since, CancellationToken ct = default);
}
