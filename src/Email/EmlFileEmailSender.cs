using System.Globalization;
using Engagement.Core.Email;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Engagement.Email;

/// <summary>
/// The embedded default without an SMTP server: writes each message as "yyyyMMdd-HHmmss-id.eml" in one directory, where a
/// developer opens it in any mail client.
/// </summary>
internal sealed partial class EmlFileEmailSender(EmailOptions options, ILogger<EmlFileEmailSender> logger) : IEmailSender
{
    private readonly MailboxAddress _from = EmailRegistration.FromMailbox(options);
    private readonly string _directory = Path.GetFullPath(options.OutboxDirectory);

    public string Directory => _directory;

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var mime = MimeMessages.Build(message, _from);
        // Seven-bit transfer encodings, as a strict relay would need, so the file is the message as it would travel.
        mime.Prepare(EncodingConstraint.SevenBit);

        // Named by the message's creation, not the time of writing, so every resend of an id lands on the same name.
        var name = $"{message.CreatedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{message.Id}.eml";
        var path = Path.Combine(_directory, name);
        var temporary = Path.Combine(_directory, $".{message.Id}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(_directory);
            // Written aside and moved into place, so a reader (or a crash) never sees half a message under the real name.
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await mime.WriteToAsync(stream, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            // The same id written with another creation time (a message rebuilt by hand) still leaves one file.
            foreach (var other in System.IO.Directory.EnumerateFiles(_directory, $"*-{message.Id}.eml"))
            {
                if (!string.Equals(other, path, StringComparison.Ordinal))
                    File.Delete(other);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            // A full disk or a directory without write access: the message is fine, the place is not.
            throw new EmailDeliveryException($"Email {message.Id} could not be written to {_directory}: {e.Message}", transient: true, e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        LogWritten(message.Id, path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a stray temporary file is left; the send already reports the real failure.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId} written to {Path} (no SMTP server is configured)")]
    private partial void LogWritten(string emailId, string path);
}
