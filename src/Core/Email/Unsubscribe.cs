using Engagement.Core.Common;
using Engagement.Core.FollowUps;

namespace Engagement.Core.Email;

/// <summary>
/// Takes an address off a mailing list from the link in an email, without signing in. Unsubscribing from follow-ups
/// also deletes the address wherever it waits to be told of an improvement.
/// </summary>
public sealed class Unsubscribe(EmailComposer composer, IEmailSuppressionStore suppressions, IFollowUpStore followUps, TimeProvider clock) : IUseCase
{
    /// <summary>What a link leads to: its state and, when valid, the list and the address (for the page to show, masked).</summary>
    public sealed record Link(SignedTokenState State, MailingList List, string MaskedAddress);

    /// <summary>What the link would do, changing nothing (a GET: mail scanners follow links, so only a POST unsubscribes).</summary>
    public Link Inspect(string? token)
    {
        var (state, list, address) = composer.ReadUnsubscribe(token);
        return new Link(state, list, state == SignedTokenState.Valid ? Mask(address) : "");
    }

    /// <summary>Unsubscribes; doing it twice succeeds twice. Fails only for an expired or invalid link, saying which.</summary>
    public async Task<Result<Link>> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        var (state, list, address) = composer.ReadUnsubscribe(token);
        if (state == SignedTokenState.Expired)
            return Result<Link>.Fail("token", ErrorCodes.Expired, "This unsubscribe link has expired. Use the link in a more recent email.");
        if (state != SignedTokenState.Valid)
            return Result<Link>.Fail("token", ErrorCodes.InvalidFormat, "This unsubscribe link is not valid. Check that it was copied whole.");
        await suppressions.SuppressAsync(list, EmailAddresses.Hash(address), clock.GetUtcNow(), ct);
        if (list == MailingList.FollowUps)
            await followUps.DeleteByAddressAsync(address, ct);
        return new Link(state, list, Mask(address));
    }

    /// <summary>"j***@example.org": enough for the owner to recognise, too little for anyone else.</summary>
    public static string Mask(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : address[0] + "***" + address[at..];
    }
}
