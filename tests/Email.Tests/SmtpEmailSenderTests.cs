using System.Diagnostics;
using Engagement.Core.Email;
using Engagement.Email.Tests.Smtp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engagement.Email.Tests;

/// <summary>The SMTP sender against a real server (aiosmtpd) for delivery and outages, and scripted servers for the replies aiosmtpd never gives.</summary>
[Trait("Category", "Smtp")]
public sealed class SmtpEmailSenderTests
{
    private static SmtpEmailSender Sender(EmailOptions options) => new(options, NullLogger<SmtpEmailSender>.Instance);

    [SmtpFact]
    public async Task SendAsync_delivers_the_message_once_with_both_parts_its_headers_and_French_text_intact()
    {
        await using var smtp = await PrivateSmtp.StartAsync();
        var message = Messages.French();

        await Sender(Messages.Smtp(smtp.Port)).SendAsync(message);

        Messages.AssertDelivered(message, Assert.Single(smtp.Received()));
    }

    [SmtpFact]
    public async Task SendAsync_of_the_same_id_twice_carries_the_same_Message_ID_both_times_though_the_server_receives_two()
    {
        // SMTP cannot refuse a duplicate: the dispatcher must not resend what was accepted, and a resend after a failure
        // that hid an acceptance (a lost reply) is recognisable downstream by its Message-ID.
        await using var smtp = await PrivateSmtp.StartAsync();
        var message = Messages.French();
        var sender = Sender(Messages.Smtp(smtp.Port));

        await sender.SendAsync(message);
        await sender.SendAsync(message);

        var received = smtp.Received();
        Assert.Equal(2, received.Count);
        Assert.All(received, copy => Messages.AssertDelivered(message, copy));
        Assert.Equal(received[0].MessageId, received[1].MessageId);
    }

    [SmtpFact]
    public async Task SendAsync_while_the_server_is_down_fails_quickly_as_transient_and_goes_through_once_it_is_back()
    {
        await using var smtp = await PrivateSmtp.StartAsync();
        var sender = Sender(Messages.Smtp(smtp.Port, timeout: TimeSpan.FromSeconds(2)));
        var message = Messages.French();
        await smtp.StopAsync();

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(message));

        Assert.True(error.Transient);
        Assert.Null(error.SmtpStatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"A refused connection took {clock.Elapsed} to report.");
        await smtp.RestartAsync();
        await sender.SendAsync(message);
        Messages.AssertDelivered(message, Assert.Single(smtp.Received()));
    }

    [Fact]
    public async Task SendAsync_to_a_server_that_never_greets_fails_as_transient_after_the_timeout()
    {
        await using var silent = new ScriptedSmtpServer(greets: false);
        var sender = Sender(Messages.Smtp(silent.Port, timeout: TimeSpan.FromSeconds(1)));

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Messages.French()));

        Assert.True(error.Transient);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"A one-second timeout took {clock.Elapsed} to report.");
    }

    [Theory]
    [InlineData("RCPT", "550 5.1.1 <citoyenne@example.org>: Recipient address rejected", false)]
    [InlineData("RCPT", "451 4.3.0 <citoyenne@example.org>: Try again later", true)]
    [InlineData("END", "554 5.6.0 Message content rejected for <citoyenne@example.org>", false)]
    [InlineData("END", "452 4.3.1 Insufficient system storage", true)]
    // A refused sender or greeting is the server's or the configuration's doing: every message would fail alike, so none
    // may be dropped for it.
    [InlineData("MAIL", "553 5.7.1 Sender address rejected", true)]
    [InlineData("EHLO", "554 5.7.1 Client host rejected", true)]
    public async Task SendAsync_refused_by_the_server_fails_as_transient_for_4xx_and_permanent_for_5xx_with_the_code(string step, string reply, bool transient)
    {
        // A client refused at EHLO tries HELO next.
        await using var server = new ScriptedSmtpServer(s => s == step || (step, s) is ("EHLO", "HELO") ? reply : null);

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(Messages.Smtp(server.Port)).SendAsync(Messages.French()));

        Assert.Equal(transient, error.Transient);
        Assert.Equal(int.Parse(reply[..3], System.Globalization.CultureInfo.InvariantCulture), error.SmtpStatusCode);
        // The message is meant for logs, which carry no personal information, though the server's reply named the recipient.
        Assert.DoesNotContain("citoyenne@example.org", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("citoyenne@")]
    [InlineData("@example.org")]
    [InlineData("citoyenne@@example.org")]
    [InlineData("citoyenne@exa mple.org")]
    [InlineData("Élodie <citoyenne@example.org>")]
    [InlineData("citoyenne@example.org, autre@example.org")]
    [InlineData(" citoyenne@example.org")]
    public async Task SendAsync_to_an_invalid_recipient_fails_as_permanent_before_connecting(string to)
    {
        await using var server = new ScriptedSmtpServer();
        var message = Messages.French() with { To = to };

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(Messages.Smtp(server.Port)).SendAsync(message));

        Assert.False(error.Transient);
        Assert.Contains("recipient is not a valid email address", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Connections);
    }

    [Theory]
    [InlineData("id", "")]
    [InlineData("id", "two words")]
    [InlineData("id", "a/b")]
    [InlineData("id", ".leading-dot")]
    [InlineData("language", "français")]
    [InlineData("unsubscribe", "/fr/desabonnement")]
    [InlineData("unsubscribe", "javascript:alert(1)")]
    public async Task SendAsync_of_a_message_no_server_should_see_fails_as_permanent_before_connecting(string field, string value)
    {
        await using var server = new ScriptedSmtpServer();
        var message = field switch
        {
            "id" => Messages.French() with { Id = value },
            "language" => Messages.French() with { Language = value },
            _ => Messages.French() with { ListUnsubscribe = value },
        };

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(Messages.Smtp(server.Port)).SendAsync(message));

        Assert.False(error.Transient);
        Assert.Equal(0, server.Connections);
    }
}
