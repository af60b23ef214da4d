using Engagement.Core.Email;

namespace Engagement.Core.Participants;

/// <summary>Stores sign-in links (<see cref="EmailChallenge"/>). Every adapter honours the rules stated on each method.</summary>
public interface IEmailChallengeStore
{
    /// <summary>
    /// Adds a challenge and, when given, the email carrying its link to the outbox (pending, due at the challenge's
    /// creation), both in one commit: either both are stored or neither. Returns false, and stores nothing, when the
    /// id or the token hash is already held, or when the email's id is already in the outbox.
    /// </summary>
    Task<bool> TryAddAsync(EmailChallenge challenge, EmailMessage? email, CancellationToken ct = default);

    /// <summary>How many challenges for this (normalised) address were created at or after <paramref name="since"/>, used or not.</summary>
    Task<int> CountSinceAsync(string address, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>The challenge whose token hashes to this value, as it stands, or null. Changes nothing.</summary>
    Task<EmailChallenge?> GetByTokenHashAsync(string tokenHash, CancellationToken ct = default);

    /// <summary>
    /// Uses the challenge whose token hashes to this value when it is unused and <paramref name="now"/> is before its
    /// expiry, setting its UsedAt to <paramref name="now"/>; returns whether this call used it, and the challenge as it
    /// then stands (null when there is none). Of any number of concurrent calls for one challenge, exactly one uses it.
    /// </summary>
    Task<EmailChallengeUse> ConsumeAsync(string tokenHash, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Deletes up to <paramref name="max"/> challenges created before <paramref name="before"/>, oldest first; returns how many.</summary>
    Task<int> DeleteCreatedBeforeAsync(DateTimeOffset before, int max, CancellationToken ct = default);
}
