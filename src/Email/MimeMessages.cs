using System.Globalization;
using System.Text;
using Engagement.Core.Email;
using MimeKit;

namespace Engagement.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into the MIME message both senders deliver, refusing what no server should see.</summary>
internal static class MimeMessages
{
    // MimeKit's defaults accept "bob" as a mailbox without a domain and forgive broken syntax; a recipient must be a whole address.
    private static readonly ParserOptions StrictAddresses = new()
    {
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
        AddressParserComplianceMode = RfcComplianceMode.Strict,
    };

    /// <summary>The bare address as a mailbox, or null when it is not exactly one address with a domain.</summary>
    public static MailboxAddress? ParseAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() != value)
            return null;
        if (!MailboxAddress.TryParse(StrictAddresses, value, out var mailbox) || mailbox is null)
            return null;
        // TryParse also takes "Name <address>" and route syntax; the port asks for the address alone.
        if (!string.IsNullOrEmpty(mailbox.Name) || mailbox.Route.Count > 0 || mailbox.Address != value)
            return null;
        var at = mailbox.Address.LastIndexOf('@');
        return at > 0 && at < mailbox.Address.Length - 1 ? mailbox : null;
    }

    /// <summary>The Message-ID for a message id, the same on every try: "id@domain", without the angle brackets MimeKit adds.</summary>
    public static string MessageId(string id, MailboxAddress from) =>
        $"{id}@{new IdnMapping().GetAscii(from.Domain)}";

    /// <summary>
    /// Builds the message: multipart/alternative with the plain text first (the least preferred part comes first), the
    /// one-click unsubscribe headers when there is an address for it, and the message's own date and Message-ID, so a
    /// resend is the same message. Throws a permanent <see cref="EmailDeliveryException"/> for what no retry can fix.
    /// </summary>
    public static MimeMessage Build(EmailMessage message, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!EmailMessage.IsUsableId(message.Id))
            throw Refused(message, $"its id is not usable in a Message-ID (letters, digits, '-', '_' and inner dots, at most {EmailMessage.MaxIdLength}).");
        var to = ParseAddress(message.To)
            ?? throw Refused(message, "the recipient is not a valid email address.");
        if (!IsValidLanguageTag(message.Language))
            throw Refused(message, "its language is not a language tag such as \"en\" or \"fr\".");
        var unsubscribe = default(string);
        if (message.ListUnsubscribe is not null)
        {
            if (!Uri.TryCreate(message.ListUnsubscribe, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !Ascii.IsValid(uri.AbsoluteUri))
                throw Refused(message, "its unsubscribe link is not an absolute http(s) address.");
            unsubscribe = uri.AbsoluteUri;
        }

        var mime = new MimeMessage
        {
            MessageId = MessageId(message.Id, from),
            Date = message.CreatedAt,
            Subject = message.Subject,
        };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.ToName, to.Address));
        if (unsubscribe is not null)
        {
            mime.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            // RFC 8058: mail providers unsubscribe with one POST, never by following the link (which a scanner might).
            mime.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        }

        var plain = new TextPart(MimeKit.Text.TextFormat.Plain);
        plain.SetText(Encoding.UTF8, message.PlainText);
        var html = new TextPart(MimeKit.Text.TextFormat.Html);
        html.SetText(Encoding.UTF8, message.Html);
        var body = new MultipartAlternative { plain, html };
        // A header of the body, where RFC 3282 puts it and where parsers (MimeKit's among them) look for it.
        body.Headers.Add(HeaderId.ContentLanguage, message.Language);
        mime.Body = body;
        return mime;
    }

    private static EmailDeliveryException Refused(EmailMessage message, string reason) =>
        new($"Email {message.Id} was refused before sending: {reason}", transient: false);

    private static bool IsValidLanguageTag(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > 35)
            return false;
        foreach (var subtag in tag.Split('-'))
        {
            if (subtag.Length is 0 or > 8 || !subtag.All(char.IsAsciiLetterOrDigit))
                return false;
        }
        return true;
    }
}
