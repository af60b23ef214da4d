namespace Engagement.Core.Comments;

/// <summary>A citizen's comment on a consultation, or a reply to one (replies go one level deep).</summary>
public sealed record Comment
{
    public required string Id { get; init; }
    public required string ConsultationId { get; init; }
    public required string OrganisationId { get; init; }

    /// <summary>The comment this one replies to; null for a top-level comment.</summary>
    public string? ParentId { get; init; }

    public required string ParticipantId { get; init; }

    /// <summary>The text exactly as given (after screening, when moderation is on).</summary>
    public required string Text { get; init; }

    public required string Language { get; init; }
    public required CommentStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The sentiment tagger's reading, once it has read the published text; null before.</summary>
    public Insights.SentimentTag? Sentiment { get; init; }

    public bool IsReply => ParentId is not null;
}

/// <summary>Where a comment stands: shown to everyone, waiting for a moderator, refused, or taken down after publication.</summary>
public enum CommentStatus
{
    Published,
    Held,
    Rejected,
    Hidden,
}

/// <summary>A participant's reaction to a comment; one per participant per comment, changeable.</summary>
public enum Reaction
{
    Agree,
    Disagree,
}

/// <summary>A comment just after a status change, with the status it had before.</summary>
public sealed record CommentStatusChange(Comment Comment, CommentStatus Previous);
