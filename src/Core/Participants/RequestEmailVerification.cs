using Engagement.Core.Common;
using Engagement.Core.Email;

namespace Engagement.Core.Participants;

/// <summary>
/// Sends a one-time sign-in link to an address, so its owner can verify it (or sign in again on another device). The
/// answer is the same whether a link went out, the address asked for no more links, or it already had its share of
/// links this hour: it tells no one which addresses are known, and a flood of requests cannot fill someone's inbox.
/// </summary>
public sealed class RequestEmailVerification(
    IEmailChallengeStore challenges, IParticipantStore participants, IEmailSuppressionStore suppressions, EmailComposer composer, PublicLinks links,
    SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    /// <summary>The most links one address is sent in <see cref="CapWindow"/>; enough for a lost email or two.</summary>
    public const int MaxPerAddress = 5;

    public static readonly TimeSpan CapWindow = TimeSpan.FromHours(1);

    /// <param name="ParticipantId">The anonymous participant asking, who becomes verified when the link is used; null to sign in without one.</param>
    public sealed record Request(string? Email, string? Language, string? ParticipantId = null);

    /// <summary>The one answer to every valid request: where a link may be on its way, and how long it will work.</summary>
    /// <param name="Email">The address as written to (trimmed, lower-cased).</param>
    public sealed record Requested(string Email, TimeSpan LinkLifetime);

    public async Task<Result<Requested>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Email("email", request.Email?.Trim());
        v.Language("language", request.Language, languages);
        if (v.HasErrors)
            return Result<Requested>.Fail(v.Errors);
        if (request.ParticipantId is not null && await participants.GetAsync(request.ParticipantId, ct) is null)
            return Result<Requested>.Fail("participantId", ErrorCodes.NotFound, "This participant is not known.");

        var address = EmailAddresses.Normalise(request.Email!);
        var answer = new Requested(address, EmailChallenge.Lifetime);
        var now = clock.GetUtcNow();
        if (await challenges.CountSinceAsync(address, now - CapWindow, ct) >= MaxPerAddress)
            return answer;

        var token = SecretTokens.NewToken();
        var challenge = new EmailChallenge
        {
            Id = Ids.New(),
            TokenHash = SecretTokens.Hash(token),
            Address = address,
            ParticipantId = request.ParticipantId,
            Language = request.Language!,
            CreatedAt = now,
            ExpiresAt = now + EmailChallenge.Lifetime,
        };
        // An address that unsubscribed from sign-in links is sent none, but its challenge is stored all the same: the
        // request then counts toward the cap and costs what any other does, so nothing outside can tell the two apart.
        var suppressed = (await suppressions.SuppressedAsync(MailingList.SignInLinks, [EmailAddresses.Hash(address)], ct)).Count > 0;
        var email = suppressed ? null : composer.Compose(challenge.Id, address, null, Template(challenge, token), MailingList.SignInLinks);
        // 256 random bits make a collision practically impossible; a false here means a broken store.
        if (!await challenges.TryAddAsync(challenge, email, ct))
            throw new InvalidOperationException("A freshly generated sign-in link collided with an existing one.");
        return answer;
    }

    private EmailVerificationEmail Template(EmailChallenge challenge, string token) => new(
        challenge.Language,
        links.To($"/{challenge.Language}/verify-email", ("token", token)),
        (int)EmailChallenge.Lifetime.TotalMinutes);
}
