using Engagement.Api.Tests.Hosting;
using Engagement.Api.Tests.Participants;
using Engagement.Core.Email;
using Engagement.Email.Tests.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Email;

/// <summary>
/// The running host through outages of its SMTP server (aiosmtpd, killed and started again on the same port): while it
/// is down the host keeps taking contributions and queues their email, trying and keeping it; when it is back every
/// message goes out exactly once, none lost and none doubled, across more than one outage.
/// </summary>
[Trait("Category", "Smtp")]
public sealed class SmtpOutageTests
{
    // Every wait is bounded; the host's dispatcher looks at the outbox every 2 seconds when idle.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string RequestVerification = """
        mutation($email: String!) { requestEmailVerification(email: $email, language: "fr") { email } }
        """;

    private const string PostComment = """
        mutation($input: PostCommentInput!) { postComment(input: $input) { id status } }
        """;

    /// <summary>The system clock, put ahead by the test so the outbox's back-off (minutes to an hour) takes no real time.</summary>
    private sealed class AheadClock : TimeProvider
    {
        private long _aheadTicks;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks));

        public void Advance(TimeSpan by) => Interlocked.Add(ref _aheadTicks, by.Ticks);
    }

    [SmtpFact]
    public async Task While_the_server_is_down_contributions_are_taken_and_their_email_queued_and_each_is_delivered_exactly_once_when_it_is_back()
    {
        await using var smtp = await PrivateSmtp.StartAsync();
        var clock = new AheadClock();
        using var app = SharedHost.NewApp()
            .WithSetting("Smtp:Host", "127.0.0.1").WithSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Smtp:Security", "None").WithSetting("Smtp:TimeoutSeconds", "5")
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var citizen = app.Anonymous();
        var org = await app.CreateOrganisationAsync();
        var consultation = await app.CreateOpenConsultationAsync(org.Id);
        var written = new List<EmailMessage>();

        for (var outage = 1; outage <= 2; outage++)
        {
            await smtp.StopAsync();
            var addresses = Enumerable.Range(0, 5).Select(_ => SignInLinks.NewAddress()).ToList();
            foreach (var address in addresses)
            {
                (await citizen.QueryAsync(RequestVerification, new { email = address })).AssertOk();
                var comment = (await citizen.QueryAsync(PostComment, new { input = new
                {
                    consultationId = consultation.Id, participantToken = await app.RegisterParticipantAsync(), text = $"Outage {outage}: the bus shelter leaks.", language = "en",
                } })).AssertOk();
                Assert.Equal("PUBLISHED", comment.At("postComment.status").GetString());
            }
            var queued = new List<EmailMessage>();
            foreach (var address in addresses)
                queued.Add(Assert.Single(await SignInLinks.EmailsToAsync(app, address)));
            written.AddRange(queued);

            // The dispatcher has tried each while the server was down, failed, and kept it for later.
            var tried = await UntilAsync(app, queued, e => e.Status == OutboxStatus.Pending && e.Attempts >= 1, "tried and kept while the server was down");
            Assert.All(tried, e => Assert.True(e.NextAttemptAt > clock.GetUtcNow(), $"{e.Message.Id} should wait before its next try."));
            Assert.DoesNotContain(smtp.Received(), m => addresses.Contains(m.To.Mailboxes.Single().Address));

            await smtp.RestartAsync();
            // The longest back-off passes; what was kept is due again.
            clock.Advance(DispatchOutbox.MaxRetry);
            await UntilAsync(app, written, e => e.Status == OutboxStatus.Sent, "sent once the server was back");
        }
        // One more after the last outage goes out as usual.
        var after = SignInLinks.NewAddress();
        (await citizen.QueryAsync(RequestVerification, new { email = after })).AssertOk();
        written.Add(Assert.Single(await SignInLinks.EmailsToAsync(app, after)));
        await UntilAsync(app, written, e => e.Status == OutboxStatus.Sent, "sent");

        // Marked sent only after the server accepted each (and it stores a message before accepting it), and a sent entry
        // is never taken again, so what the server holds now is all it will ever get of these.
        var received = smtp.Received();
        var ids = received.Select(m => m.MessageId!.Split('@')[0]).ToList();
        Assert.Equal(11, written.Count);
        Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count(), ids.Count);
        var addressOf = received.ToDictionary(m => m.MessageId!.Split('@')[0], m => m.To.Mailboxes.Single().Address, StringComparer.Ordinal);
        Assert.All(written, m => Assert.Equal(m.To, addressOf.GetValueOrDefault(m.Id)));
    }

    /// <summary>Polls the outbox until every one of the messages is in the state; returns their entries then.</summary>
    private static async Task<IReadOnlyList<OutboxEntry>> UntilAsync(EngagementAppFactory app, IReadOnlyList<EmailMessage> messages, Func<OutboxEntry, bool> state, string what)
    {
        var outbox = app.Get<IOutboxStore>();
        return await Eventually.ReadAsync<IReadOnlyList<OutboxEntry>>(
            async () =>
            {
                var entries = new List<OutboxEntry>();
                foreach (var message in messages)
                    entries.Add((await outbox.GetAsync(message.Id))!);
                return entries;
            },
            entries => entries.All(state), $"every message was {what}",
            entries => string.Join("; ", entries.Select(e => $"{e.Message.Id} {e.Status} after {e.Attempts} tries ({e.LastError})")), Patience);
    }
}
