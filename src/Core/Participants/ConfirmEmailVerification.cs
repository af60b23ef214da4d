using Engagement.Core.Common;
using Engagement.Core.Email;

namespace Engagement.Core.Participants;

/// <summary>
/// Uses a sign-in link: its address is proven, and the person is told who they now are. The anonymous participant who
/// asked for the link becomes verified with the address. When another participant already holds the address, the
/// person signs in as that one instead, with a new token for this device (the asker stays as it was: one address, one
/// participant). A link asked for without a participant signs in to the address's participant, made on first use.
/// </summary>
public sealed class ConfirmEmailVerification(IEmailChallengeStore challenges, IParticipantStore participants, TimeProvider clock) : IUseCase
{
    /// <summary>What an unused link leads to, for the page that asks before using it.</summary>
    /// <param name="MaskedAddress">The address, masked (<see cref="Unsubscribe.Mask"/>), so its owner recognises it.</param>
    public sealed record Pending(string MaskedAddress, DateTimeOffset ExpiresAt);

    /// <param name="Token">
    /// A new participant token for whoever used the link, to hand over once (only its hash is stored); null when the
    /// participant who asked for the link is the one verified, since it already holds its token.
    /// </param>
    public sealed record Verified(Participant Participant, string? Token);

    /// <summary>Whether a link can be used, changing nothing: mail scanners open links, so only <see cref="ExecuteAsync"/> uses one.</summary>
    public async Task<Result<Pending>> InspectAsync(string? token, CancellationToken ct = default)
    {
        if (token is null || !SecretTokens.LooksLikeToken(token))
            return Result<Pending>.Fail([Malformed()]);
        var challenge = await challenges.GetByTokenHashAsync(SecretTokens.Hash(token), ct);
        if (Refusal(challenge, clock.GetUtcNow()) is { } refusal)
            return Result<Pending>.Fail([refusal]);
        return new Pending(Unsubscribe.Mask(challenge!.Address), challenge.ExpiresAt);
    }

    /// <summary>Uses the link, once. Fails, changing nothing, for a link that is malformed, unknown, expired or used, saying which.</summary>
    public async Task<Result<Verified>> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        if (token is null || !SecretTokens.LooksLikeToken(token))
            return Result<Verified>.Fail([Malformed()]);
        var now = clock.GetUtcNow();
        var use = await challenges.ConsumeAsync(SecretTokens.Hash(token), now, ct);
        if (!use.Consumed)
            return Result<Verified>.Fail([Refusal(use.Challenge, now) ?? throw new InvalidOperationException("The store refused a usable sign-in link.")]);
        // The link is spent before the participant changes. Should the process die in between, the person asks for
        // another link; the other order would let two uses of one link both sign in.
        return await SignInAsync(use.Challenge!, now, ct);
    }

    private async Task<Verified> SignInAsync(EmailChallenge challenge, DateTimeOffset now, CancellationToken ct)
    {
        var asker = challenge.ParticipantId is null ? null : await participants.GetAsync(challenge.ParticipantId, ct);
        // Each pass but the last follows a change made meanwhile by another link for the same address.
        for (var pass = 0; pass < 3; pass++)
        {
            if (await participants.GetByEmailAsync(challenge.Address, ct) is { } holder)
            {
                if (holder.Id == asker?.Id)
                    return new Verified(holder, null);
                var token = ParticipantTokens.NewToken();
                if (!await participants.TryAddTokenAsync(holder.Id, ParticipantTokens.Hash(token), now, ct))
                    throw new InvalidOperationException("A freshly generated participant token collided with an existing one.");
                return new Verified(holder, token);
            }
            // A participant verified under another address keeps it; this address then gets a participant of its own.
            if (asker is { Email: null })
            {
                if (await participants.TryVerifyEmailAsync(asker.Id, challenge.Address, now, ct))
                    return new Verified(asker with { Kind = ParticipantKind.VerifiedEmail, Email = challenge.Address, EmailVerifiedAt = now }, null);
                asker = await participants.GetAsync(asker.Id, ct);
                continue;
            }
            var newToken = ParticipantTokens.NewToken();
            var created = new Participant
            {
                Id = Ids.New(),
                Kind = ParticipantKind.VerifiedEmail,
                TokenHash = ParticipantTokens.Hash(newToken),
                Email = challenge.Address,
                EmailVerifiedAt = now,
                CreatedAt = now,
            };
            if (await participants.TryAddAsync(created, ct))
                return new Verified(created, newToken);
        }
        throw new InvalidOperationException("The address of a sign-in link kept changing hands while the link was used.");
    }

    private static Error Malformed() =>
        new("token", ErrorCodes.InvalidFormat, "This link is not valid. Check that it was copied whole, or ask for a new one.");

    /// <summary>Why a link cannot be used at <paramref name="now"/>; null when it can.</summary>
    private static Error? Refusal(EmailChallenge? challenge, DateTimeOffset now) => challenge?.StateAt(now) switch
    {
        null => new Error("token", ErrorCodes.NotFound, "This link is not valid. Check that it was copied whole, or ask for a new one."),
        EmailChallengeState.Used => new Error("token", ErrorCodes.AlreadyUsed, "This link was already used. Each link works once: ask for a new one to sign in again."),
        EmailChallengeState.Expired => new Error("token", ErrorCodes.Expired,
            $"This link has expired: links work for {(int)EmailChallenge.Lifetime.TotalMinutes} minutes. Ask for a new one."),
        _ => null,
    };
}
