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

    /// <summary>The participant whose token hashes to this value, or null.</summary>
    Task<Participant?> GetByTokenHashAsync(string tokenHash, CancellationToken ct = default);

    /// <summary>The participant with this email (compared as stored, lower-case), or null.</summary>
    Task<Participant?> GetByEmailAsync(string email, CancellationToken ct = default);
}
