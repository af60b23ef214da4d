using Engagement.Core.Common;
using Engagement.Core.Email;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Email;

/// <summary>
/// The dispatcher sends due messages once each, tries transient failures again with exponential back-off, gives up on
/// permanent ones and after its last attempt, and after a crash between sending and recording sends again only once the
/// hold has passed (with the same id).
/// </summary>
public sealed class DispatchOutboxTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    /// <summary>Records every send; fails the ids it is told to, transiently or not.</summary>
    private sealed class ScriptedSender : IEmailSender
    {
        public List<string> Sent { get; } = [];
        public Dictionary<string, bool> FailWith { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken ct = default)
        {
            if (FailWith.TryGetValue(message.Id, out var transient))
                throw new EmailDeliveryException(transient ? "connection refused" : "550 mailbox unavailable", transient);
            Sent.Add(message.Id);
            return Task.CompletedTask;
        }
    }

    private EmailMessage Message() => new(Ids.New(), "resident@example.org", null, "Subject", "Text", "<p>Text</p>", "en", null, _platform.Clock.GetUtcNow());

    // Runs the dispatcher until a round sends nothing more.
    private static async Task DrainAsync(DispatchOutbox dispatch)
    {
        while (await dispatch.ExecuteAsync(100) > 0)
        {
        }
    }

    [Fact]
    public async Task Due_messages_are_sent_once_and_a_transient_failure_backs_off_until_it_goes_through()
    {
        var sender = new ScriptedSender();
        var dispatch = new DispatchOutbox(_platform.Outbox, sender, _platform.Clock);
        var (ok, flaky, refused) = (Message(), Message(), Message());
        await _platform.Outbox.EnqueueAsync([ok, flaky, refused], _platform.Clock.GetUtcNow());
        sender.FailWith[flaky.Id] = true;
        sender.FailWith[refused.Id] = false;

        await DrainAsync(dispatch);
        await DrainAsync(dispatch);
        Assert.Equal([ok.Id], sender.Sent.Where(id => id == ok.Id || id == flaky.Id || id == refused.Id));
        var waiting = await _platform.Outbox.GetAsync(flaky.Id);
        Assert.Equal((OutboxStatus.Pending, 1, _platform.Clock.GetUtcNow() + DispatchOutbox.Backoff(1)), (waiting!.Status, waiting.Attempts, waiting.NextAttemptAt));
        Assert.Equal(OutboxStatus.Failed, (await _platform.Outbox.GetAsync(refused.Id))!.Status);

        sender.FailWith.Remove(flaky.Id);
        _platform.Clock.Advance(DispatchOutbox.Backoff(1));
        await DrainAsync(dispatch);

        Assert.Equal(1, sender.Sent.Count(id => id == flaky.Id));
        Assert.Equal(1, sender.Sent.Count(id => id == ok.Id));
        Assert.Equal((OutboxStatus.Sent, 2), ((await _platform.Outbox.GetAsync(flaky.Id))!.Status, (await _platform.Outbox.GetAsync(flaky.Id))!.Attempts));
    }

    [Fact]
    public void Back_off_doubles_from_a_minute_up_to_an_hour()
    {
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 8).Select(a => (int)DispatchOutbox.Backoff(a).TotalMinutes));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_given_up_after_the_last_attempt()
    {
        var sender = new ScriptedSender();
        var dispatch = new DispatchOutbox(_platform.Outbox, sender, _platform.Clock);
        var message = Message();
        await _platform.Outbox.EnqueueAsync([message], _platform.Clock.GetUtcNow());
        sender.FailWith[message.Id] = true;

        for (var attempt = 1; attempt <= DispatchOutbox.MaxAttempts; attempt++)
        {
            await dispatch.ExecuteAsync(100);
            _platform.Clock.Advance(DispatchOutbox.MaxRetry);
        }

        var entry = await _platform.Outbox.GetAsync(message.Id);
        Assert.Equal((OutboxStatus.Failed, DispatchOutbox.MaxAttempts), (entry!.Status, entry.Attempts));
    }

    [Fact]
    public async Task A_dispatcher_that_dies_after_taking_a_message_lets_it_go_after_the_hold_and_it_is_sent_once()
    {
        var sender = new ScriptedSender();
        var message = Message();
        await _platform.Outbox.EnqueueAsync([message], _platform.Clock.GetUtcNow());
        // Taken, then the process dies before sending or recording anything.
        var now = _platform.Clock.GetUtcNow();
        Assert.Contains(await _platform.Outbox.TakeDueAsync(now, now + DispatchOutbox.Hold, 1_000), e => e.Message.Id == message.Id);

        var dispatch = new DispatchOutbox(_platform.Outbox, sender, _platform.Clock);
        await DrainAsync(dispatch);
        Assert.DoesNotContain(message.Id, sender.Sent);
        _platform.Clock.Advance(DispatchOutbox.Hold);
        await DrainAsync(dispatch);
        await DrainAsync(dispatch);

        Assert.Equal(1, sender.Sent.Count(id => id == message.Id));
    }
}
