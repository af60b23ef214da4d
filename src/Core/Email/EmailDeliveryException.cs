namespace Engagement.Core.Email;

/// <summary>A message the mail system did not accept, and whether trying the same message again later can help.</summary>
/// <remarks>
/// Messages name the email's id, never its recipient, so they can be logged as they are; a server's reply quoted in
/// <see cref="Exception.InnerException"/> may still name the recipient.
/// </remarks>
public sealed class EmailDeliveryException(string message, bool transient, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>
    /// True when the failure lies with the connection, the server's state or the sender's configuration (refused or lost
    /// connections, timeouts, 4xx replies, rejected credentials), so a later try may succeed; false when the message itself
    /// is refused for good (an invalid recipient, a 5xx rejection of the recipient or the content).
    /// </summary>
    public bool Transient { get; } = transient;

    /// <summary>The SMTP reply code behind the failure (451, 550…), when the server gave one.</summary>
    public int? SmtpStatusCode { get; init; }
}
