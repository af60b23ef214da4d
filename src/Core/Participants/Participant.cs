namespace Engagement.Core.Participants;

/// <summary>
/// Someone who takes part: known by an anonymous token (only its hash is stored) or by a verified email.
/// One participant holds at most one response per survey and one reaction per comment.
/// </summary>
public sealed record Participant
{
    public required string Id { get; init; }
    public required ParticipantKind Kind { get; init; }

    /// <summary>SHA-256 of the anonymous token, hex; the token itself is only ever held by the participant.</summary>
    public string? TokenHash { get; init; }

    /// <summary>The email address, lower-cased; set for verified participants only.</summary>
    public string? Email { get; init; }

    public DateTimeOffset? EmailVerifiedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool HasVerifiedEmail => Kind == ParticipantKind.VerifiedEmail && EmailVerifiedAt is not null;
}

/// <summary>How a participant is identified.</summary>
public enum ParticipantKind
{
    Anonymous,
    VerifiedEmail,
}
