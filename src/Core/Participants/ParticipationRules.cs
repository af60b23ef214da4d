using Engagement.Core.Common;
using Engagement.Core.Consultations;

namespace Engagement.Core.Participants;

/// <summary>Checks that a participant exists and meets a consultation's or survey's identity policy.</summary>
internal static class ParticipationRules
{
    public static async Task<Error?> CheckAsync(IParticipantStore store, string? participantId, IdentityPolicy policy, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(participantId))
            return new Error("participantId", ErrorCodes.Required, "A participant is required to take part.");
        var participant = await store.GetAsync(participantId, ct);
        if (participant is null)
            return new Error("participantId", ErrorCodes.NotFound, "This participant is not known.");
        if (policy == IdentityPolicy.VerifiedEmailRequired && !participant.HasVerifiedEmail)
            return new Error("participantId", ErrorCodes.Forbidden, "Taking part here requires a verified email address.");
        return null;
    }
}
