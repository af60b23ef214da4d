namespace Engagement.Core.Email;

/// <summary>One email to one person, as the outbox keeps it and an <see cref="IEmailSender"/> sends it.</summary>
/// <param name="Id">
/// The message's idempotency key, unique and never reused: senders derive the Message-ID header (and the file name of a
/// written message) from it, so every resend of the same message is recognisably the same. Letters, digits, '-', '_'
/// and inner dots only, at most 64 characters (a <see cref="Common.Ids.New"/> value fits).
/// </param>
/// <param name="To">The recipient's bare address (name@example.org); <paramref name="ToName"/> carries the display name.</param>
/// <param name="Language">The language the texts are written in ("en", "fr"), sent as Content-Language.</param>
/// <param name="ListUnsubscribe">
/// The absolute http(s) address that unsubscribes the recipient in one click (RFC 8058), sent as List-Unsubscribe. The
/// core's <see cref="EmailComposer"/> always sets it (every kind of email has its list, sign-in links included); null is
/// for a message written by other means that no one can opt out of.
/// </param>
/// <param name="CreatedAt">When the message was written; sent as its Date, so a resend is identical to the first try.</param>
public sealed record EmailMessage(
    string Id,
    string To,
    string? ToName,
    string Subject,
    string PlainText,
    string Html,
    string Language,
    string? ListUnsubscribe,
    DateTimeOffset CreatedAt)
{
    /// <summary>The longest <see cref="Id"/>.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Whether a text obeys the rule for <see cref="Id"/>: letters, digits, '-', '_' and inner dots, at most <see cref="MaxIdLength"/>.</summary>
    public static bool IsUsableId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || id[0] == '.' || id[^1] == '.' || id.Contains("..", StringComparison.Ordinal))
            return false;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
                return false;
        }
        return true;
    }
}
