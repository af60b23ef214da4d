using System.Net.Sockets;
using Engagement.Core.Email;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Engagement.Email;

/// <summary>Sends each message over its own MailKit SMTP connection, and sorts every failure into transient or permanent.</summary>
internal sealed partial class SmtpEmailSender(EmailOptions options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private readonly MailboxAddress _from = EmailRegistration.FromMailbox(options);
    private readonly string _host = string.IsNullOrWhiteSpace(options.Host) ? throw new ArgumentException("EmailOptions.Host is required for SMTP.", nameof(options)) : options.Host.Trim();

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        // Validation first, so an invalid message never opens a connection.
        var mime = MimeMessages.Build(message, _from);

        // One connection per message: nothing to go stale between the dispatcher's rounds, and no state shared between
        // concurrent sends.
        using var client = new SmtpClient { Timeout = (int)Math.Min(options.Timeout.TotalMilliseconds, int.MaxValue) };
        try
        {
            await client.ConnectAsync(_host, options.Port, SecureSocket(options.Security), ct);
            if (!string.IsNullOrEmpty(options.Username))
                await client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
            await client.SendAsync(mime, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            throw new EmailDeliveryException($"Email {message.Id} was not accepted by {_host}:{options.Port}: {Reason(e)}", IsTransient(e), e)
            {
                SmtpStatusCode = e is SmtpCommandException command ? (int)command.StatusCode : null,
            };
        }

        LogAccepted(message.Id);
        try
        {
            // Not cancellable, and bounded by the client's timeout: the server has accepted the message, and any failure
            // or cancellation reported now would make the dispatcher send it twice.
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogQuitFailed(message.Id, e.Message);
        }
    }

    /// <summary>False only when the server refuses this recipient or this content for good; true for everything a later try may get past.</summary>
    internal static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } command =>
            (int)command.StatusCode is < 500 or > 599,
        // Everything else lies with the connection, the server or the configuration, never with this message: refused or
        // lost connections, timeouts (MailKit reports its own as a cancellation nobody asked for), a 5xx for the sender's
        // address or the greeting, rejected credentials, TLS failures, a server without the STARTTLS the options demand.
        // Every message would fail alike, so none is dropped for it; retrying what cannot succeed costs only a little.
        _ => true,
    };

    // The server's reply text often quotes the recipient, and this message ends up in logs: give the code and the step.
    private static string Reason(Exception e) => e switch
    {
        SmtpCommandException command => command.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $"the recipient was refused with {(int)command.StatusCode}.",
            SmtpErrorCode.SenderNotAccepted => $"the sender's address was refused with {(int)command.StatusCode}.",
            SmtpErrorCode.MessageNotAccepted => $"the message was refused with {(int)command.StatusCode}.",
            _ => $"the server replied {(int)command.StatusCode}.",
        },
        OperationCanceledException => "the server did not answer in time.",
        _ => e.Message,
    };

    private static SecureSocketOptions SecureSocket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Email {EmailId} accepted by the SMTP server")]
    private partial void LogAccepted(string emailId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Email {EmailId} was accepted, but closing the SMTP connection failed: {Reason}")]
    private partial void LogQuitFailed(string emailId, string reason);
}
