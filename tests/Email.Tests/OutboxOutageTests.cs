using Engagement.Core.Common;
using Engagement.Core.Email;
using Engagement.Email.Tests.Smtp;
using Engagement.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engagement.Email.Tests;

/// <summary>
/// The outbox, the dispatcher and the SMTP sender together through an outage of the real server: messages written while
/// it is down are kept, tried again with back-off, and all delivered once each when it returns.
/// </summary>
[Trait("Category", "Smtp")]
public sealed class OutboxOutageTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "engagement-email-tests", Guid.NewGuid().ToString("N"));
    private SqliteDatabase? _db;

    /// <summary>A clock the test moves, so back-off waits take no real time.</summary>
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _db = new SqliteDatabase(Path.Combine(_directory, "outbox.db"));
        await _db.InitializeAsync();
    }

    public Task DisposeAsync()
    {
        _db?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [SmtpFact]
    public async Task Messages_written_while_the_server_is_down_are_all_delivered_once_when_it_returns()
    {
        await using var smtp = await PrivateSmtp.StartAsync();
        var outbox = new SqliteOutboxStore(_db!);
        var clock = new Clock();
        var dispatch = new DispatchOutbox(outbox, new SmtpEmailSender(Messages.Smtp(smtp.Port, TimeSpan.FromSeconds(2)), NullLogger<SmtpEmailSender>.Instance), clock);
        var messages = Enumerable.Range(0, 10).Select(_ => Messages.French(Ids.New())).ToList();

        await smtp.StopAsync();
        await outbox.EnqueueAsync(messages, clock.Now);
        Assert.Equal(0, await dispatch.ExecuteAsync(100));
        // Minutes pass with the server down: every try fails, nothing is lost, each waits longer.
        clock.Now += DispatchOutbox.Backoff(1);
        Assert.Equal(0, await dispatch.ExecuteAsync(100));
        var waiting = await outbox.ListAsync(OutboxStatus.Pending, 100);
        Assert.Equal(10, waiting.Count);
        Assert.All(waiting, e => Assert.Equal((2, clock.Now + DispatchOutbox.Backoff(2)), (e.Attempts, e.NextAttemptAt)));

        await smtp.RestartAsync();
        Assert.Equal(0, await dispatch.ExecuteAsync(100));
        clock.Now += DispatchOutbox.Backoff(2);
        Assert.Equal(10, await dispatch.ExecuteAsync(100));
        clock.Now += DispatchOutbox.MaxRetry;
        Assert.Equal(0, await dispatch.ExecuteAsync(100));

        var received = smtp.Received();
        Assert.Equal(10, received.Count);
        Assert.Equal(messages.Select(m => m.Id).Order(StringComparer.Ordinal),
            received.Select(r => r.MessageId!.Split('@')[0]).Order(StringComparer.Ordinal));
        Assert.Equal(10, (await outbox.ListAsync(OutboxStatus.Sent, 100)).Count);
    }
}
