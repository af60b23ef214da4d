using Engagement.Core.Common;

namespace Engagement.Core.Participants;

/// <summary>Finds the participant an anonymous token stands for.</summary>
public sealed class FindParticipantByToken(IParticipantStore store) : IUseCase
{
    public async Task<Result<Participant>> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        if (!ParticipantTokens.LooksValid(token))
            return Result<Participant>.Fail("token", ErrorCodes.InvalidFormat, "This participant token is not valid.");
        var participant = await store.GetByTokenHashAsync(ParticipantTokens.Hash(token!), ct);
        return participant is null
            ? Result<Participant>.Fail("token", ErrorCodes.NotFound, "This participant token is not known.")
            : participant;
    }
}
