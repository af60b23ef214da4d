using Engagement.Core.Common;

namespace Engagement.Core.Participants;

/// <summary>Gives a newcomer an anonymous participant and the token that stands for it (returned once, stored only as a hash).</summary>
public sealed class RegisterAnonymousParticipant(IParticipantStore store, TimeProvider clock) : IUseCase
{
    public sealed record Registered(Participant Participant, string Token);

    public async Task<Result<Registered>> ExecuteAsync(CancellationToken ct = default)
    {
        var token = ParticipantTokens.NewToken();
        var participant = new Participant
        {
            Id = Ids.New(),
            Kind = ParticipantKind.Anonymous,
            TokenHash = ParticipantTokens.Hash(token),
            CreatedAt = clock.GetUtcNow(),
        };
        // 256 random bits make a collision practically impossible; a false here means a broken store.
        if (!await store.TryAddAsync(participant, ct))
            throw new InvalidOperationException("A freshly generated participant collided with an existing one.");
        return new Registered(participant, token);
    }
}
