namespace Engagement.Core.Ratings;

/// <summary>A citizen's rating of a service, usually from the widget on one of its pages.</summary>
public sealed record ServiceRating
{
    public required string Id { get; init; }
    public required string ServiceId { get; init; }
    public required string OrganisationId { get; init; }

    /// <summary>From 1 (very poor) to 5 (very good).</summary>
    public required int Score { get; init; }

    public string? Comment { get; init; }

    /// <summary>The page the rating was given on, when known.</summary>
    public string? PageUrl { get; init; }

    public required string Language { get; init; }

    /// <summary>The participant, when the rater had a token; widget ratings are usually anonymous.</summary>
    public string? ParticipantId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
