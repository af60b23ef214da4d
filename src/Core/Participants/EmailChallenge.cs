using Engagement.Core.Email;

namespace Engagement.Core.Participants;

/// <summary>
/// A one-time sign-in link sent to an address: whoever opens it proves they read that mailbox. Only the hash of the
/// link's token is stored; the link works once, until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record EmailChallenge
{
    /// <summary>How long a link works: short, because a mailbox can be read by others later (a shared computer, a forward).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public required string Id { get; init; }

    /// <summary>Hex SHA-256 of the link's token (<see cref="Common.SecretTokens.Hash"/>); the token itself is only in the email.</summary>
    public required string TokenHash { get; init; }

    /// <summary>The address the link was sent to, normalised (<see cref="EmailAddresses.Normalise"/>).</summary>
    public required string Address { get; init; }

    /// <summary>The anonymous participant who asked, to be verified by the link; null when the link was asked for without one.</summary>
    public string? ParticipantId { get; init; }

    /// <summary>The language of the email and of the pages the link leads to.</summary>
    public required string Language { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The first instant at which the link no longer works.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the link was used; null while unused.</summary>
    public DateTimeOffset? UsedAt { get; init; }

    /// <summary>Whether the link can still be used at <paramref name="now"/>, and if not, why.</summary>
    public EmailChallengeState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? EmailChallengeState.Used
        : now >= ExpiresAt ? EmailChallengeState.Expired
        : EmailChallengeState.Usable;
}

/// <summary>What a sign-in link is worth now. A link used and since expired counts as used: that is the more useful thing to tell.</summary>
public enum EmailChallengeState
{
    Usable,
    Used,
    Expired,
}

/// <summary>What an attempt to use a link found: whether this attempt used it, and the link as it now stands (null when unknown).</summary>
public sealed record EmailChallengeUse(bool Consumed, EmailChallenge? Challenge);

/// <summary>The words of the email carrying a sign-in link.</summary>
/// <param name="LinkUrl">The absolute address of the link's page, token included.</param>
/// <param name="LifetimeMinutes">How long the link works, to say so in the email.</param>
public sealed record EmailVerificationEmail(string Language, string LinkUrl, int LifetimeMinutes) : EmailTemplate(Language);
