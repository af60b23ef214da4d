namespace Engagement.Core.Email;

/// <summary>
/// Turns a template and a recipient into an outbox-ready message with its one-click unsubscribe link. The one way the
/// core writes an email.
/// </summary>
public sealed class EmailComposer(IEmailTemplates templates, ISignedTokens tokens, PublicLinks links, TimeProvider clock)
{
    /// <summary>How long an unsubscribe link works; people act on old emails, so it is long.</summary>
    public static readonly TimeSpan UnsubscribeLifetime = TimeSpan.FromDays(366);

    internal const string UnsubscribePurpose = "unsubscribe";

    /// <summary>
    /// The message <paramref name="id"/> (its idempotency key) to <paramref name="to"/>, carrying an unsubscribe link
    /// from <paramref name="list"/> in its footer and its List-Unsubscribe header.
    /// </summary>
    public EmailMessage Compose(string id, string to, string? toName, EmailTemplate template, MailingList list)
    {
        // A programming error, caught where the message is made rather than when the sender refuses it for good.
        if (!EmailMessage.IsUsableId(id))
            throw new ArgumentException($"'{id}' is not a usable email id.", nameof(id));
        var now = clock.GetUtcNow();
        var address = EmailAddresses.Normalise(to);
        var token = tokens.Sign(UnsubscribePurpose, $"{list}|{address}", now + UnsubscribeLifetime);
        var unsubscribe = links.To($"/{template.Language}/unsubscribe", ("token", token));
        var content = templates.Render(template, unsubscribe);
        return new EmailMessage(id, address, toName, content.Subject, content.PlainText, content.Html, template.Language, unsubscribe, now);
    }

    /// <summary>The list and address an unsubscribe token names, or why it names none.</summary>
    internal (SignedTokenState State, MailingList List, string Address) ReadUnsubscribe(string? token)
    {
        var read = tokens.Read(UnsubscribePurpose, token, clock.GetUtcNow());
        if (read.State != SignedTokenState.Valid)
            return (read.State, default, "");
        var bar = read.Payload!.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && Enum.TryParse<MailingList>(read.Payload[..bar], out var list) && Enum.IsDefined(list)
            ? (SignedTokenState.Valid, list, read.Payload[(bar + 1)..])
            : (SignedTokenState.Invalid, default, "");
    }
}
