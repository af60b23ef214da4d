namespace Engagement.Core.Participants;

/// <summary>Stores participants. Every adapter honours the rules stated on each method.</summary>
public interface IParticipantStore
{
    /// <summary>
    /// Adds a participant durably. Returns false, and changes nothing, when the id, the token hash or the
    /// email is already held by another participant.
    /// </summary>
    Task<bool> TryAddAsync(Participant participant, CancellationToken ct = default);

    /// <summary>The participant with this id, or null.</summary>
    Task<Participant?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// The participant whose token hashes to this value, or null: the token it was created with, or one added later by
    /// <see cref="TryAddTokenAsync"/>.
    /// </summary>
    Task<Participant?> GetByTokenHashAsync(string tokenHash, CancellationToken ct = default);

    /// <summary>The participant with this email (compared as stored, lower-case), or null.</summary>
    Task<Participant?> GetByEmailAsync(string email, CancellationToken ct = default);

    /// <summary>
    /// Makes an anonymous participant a verified one: Kind VerifiedEmail, this (normalised) email, verified at
    /// <paramref name="at"/>; its tokens keep working. Returns false, and changes nothing, when the participant is
    /// unknown, already has an email, or another participant holds this one.
    /// </summary>
    Task<bool> TryVerifyEmailAsync(string participantId, string email, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Gives an existing participant another token (signing in on another device), found from then on by
    /// <see cref="GetByTokenHashAsync"/>; its other tokens keep working. Returns false, and changes nothing, when the
    /// participant is unknown or any participant already holds this token hash.
    /// </summary>
    Task<bool> TryAddTokenAsync(string participantId, string tokenHash, DateTimeOffset at, CancellationToken ct = default);
}
