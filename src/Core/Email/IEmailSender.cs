namespace Engagement.Core.Email;

/// <summary>
/// Hands one message to the mail system: an SMTP server, or a file on the embedded default. The outbox's dispatcher is
/// the only caller; it decides from <see cref="EmailDeliveryException.Transient"/> whether to try again later.
/// </summary>
/// <remarks>
/// Every adapter honours this contract. SendAsync returns only once the server (or the file system) has accepted the
/// message. Otherwise it throws <see cref="EmailDeliveryException"/>: transient when the same message may go through
/// later (server unreachable, timed out, a 4xx reply, the sender's own configuration refused), permanent when this
/// message will never be accepted as it is (an invalid recipient or content, a 5xx rejection of the recipient or the
/// message). Invalid messages are refused before any connection is made. Sending the same <see cref="EmailMessage.Id"/>
/// again carries the same Message-ID, and a file adapter replaces its earlier file rather than adding a second; an SMTP
/// server may still receive both copies, so the dispatcher must not resend a message it saw accepted. Cancelling
/// <c>ct</c> throws <see cref="OperationCanceledException"/>, after which the message may or may not have been accepted.
/// </remarks>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}
