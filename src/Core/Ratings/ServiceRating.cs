using Engagement.Core.Comments;

namespace Engagement.Core.Ratings;

/// <summary>A citizen's rating of a service, usually from the widget on one of its pages.</summary>
public sealed record ServiceRating
{
    public required string Id { get; init; }
    public required string ServiceId { get; init; }
    public required string OrganisationId { get; init; }

    /// <summary>From 1 (very poor) to 5 (very good).</summary>
    public required int Score { get; init; }

    /// <summary>The comment as screening left it (masked); null when none was given or screening refused it.</summary>
    public string? Comment { get; init; }

    /// <summary>What screening decided about the comment; null when there was none. Only a published one is shown.</summary>
    public CommentStatus? CommentStatus { get; init; }

    /// <summary>The sentiment tagger's reading of the published comment; null before (or without a comment).</summary>
    public Insights.SentimentTag? CommentSentiment { get; init; }

    /// <summary>The widget key the rating came through, when it came through the widget.</summary>
    public string? WidgetKeyId { get; init; }

    /// <summary>The page the rating was given on, when known: scheme, host, port and path only (see <see cref="Widgets.WidgetPages"/>).</summary>
    public string? PageUrl { get; init; }

    public required string Language { get; init; }

    /// <summary>The participant, when the rater had a token; widget ratings are usually anonymous.</summary>
    public string? ParticipantId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
