using Engagement.Core.Email;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Engagement.Email.Tests;

/// <summary>The embedded default's sender, which writes .eml files instead of talking to a server.</summary>
public sealed class EmlFileEmailSenderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "engagement-tests", $"eml-{Guid.NewGuid():N}");
    private readonly RecordingLogger<EmlFileEmailSender> _log = new();

    private string Outbox => Path.Combine(_root, "data", "outbox");

    private EmlFileEmailSender Sender() => new(Messages.Files(Outbox), _log);

    [Fact]
    public async Task SendAsync_writes_one_readable_eml_file_with_both_parts_into_a_directory_it_creates()
    {
        Assert.False(Directory.Exists(Outbox));
        var message = Messages.French();

        await Sender().SendAsync(message);

        var file = Assert.Single(Directory.GetFiles(Outbox));
        Assert.Equal($"20250314-092653-{message.Id}.eml", Path.GetFileName(file));
        Messages.AssertDelivered(message, await MimeMessage.LoadAsync(file));
    }

    [Fact]
    public async Task SendAsync_of_the_same_id_twice_leaves_one_file_holding_the_latest_copy()
    {
        var sender = Sender();
        var message = Messages.French();

        await sender.SendAsync(message with { Subject = "Premier essai" });
        await sender.SendAsync(message);

        Messages.AssertDelivered(message, await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Outbox))));
    }

    [Fact]
    public async Task SendAsync_of_the_same_id_with_another_creation_time_still_leaves_one_file()
    {
        var sender = Sender();
        var message = Messages.French();

        await sender.SendAsync(message with { CreatedAt = message.CreatedAt.AddHours(-3) });
        await sender.SendAsync(message);

        Assert.Equal($"20250314-092653-{message.Id}.eml", Path.GetFileName(Assert.Single(Directory.GetFiles(Outbox))));
    }

    [Fact]
    public async Task SendAsync_keeps_every_other_message_beside_the_one_it_replaces()
    {
        var sender = Sender();

        await sender.SendAsync(Messages.French());
        await sender.SendAsync(Messages.French());

        Assert.Equal(2, Directory.GetFiles(Outbox).Length);
    }

    [Fact]
    public async Task SendAsync_without_an_unsubscribe_link_writes_no_unsubscribe_headers()
    {
        await Sender().SendAsync(Messages.French() with { ListUnsubscribe = null });

        var written = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Outbox)));
        Assert.False(written.Headers.Contains(HeaderId.ListUnsubscribe));
        Assert.False(written.Headers.Contains(HeaderId.ListUnsubscribePost));
    }

    [Fact]
    public async Task SendAsync_logs_one_line_naming_the_file_and_not_the_recipient()
    {
        var message = Messages.French();

        await Sender().SendAsync(message);

        var line = Assert.Single(_log.Lines);
        Assert.Contains(Assert.Single(Directory.GetFiles(Outbox)), line, StringComparison.Ordinal);
        Assert.DoesNotContain(message.To, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_to_an_invalid_recipient_fails_as_permanent_and_writes_nothing()
    {
        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender().SendAsync(Messages.French() with { To = "not-an-address" }));

        Assert.False(error.Transient);
        Assert.False(Directory.Exists(Outbox) && Directory.EnumerateFileSystemEntries(Outbox).Any());
    }

    [Fact]
    public async Task SendAsync_into_a_place_it_cannot_write_fails_as_transient()
    {
        // A file where the directory should be: the message is fine, the place is not, so it waits for a fix.
        Directory.CreateDirectory(Path.GetDirectoryName(Outbox)!);
        await File.WriteAllTextAsync(Outbox, "not a directory");

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender().SendAsync(Messages.French()));

        Assert.True(error.Transient);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    /// <summary>Keeps each formatted log line.</summary>
    private sealed class RecordingLogger<T> : ILogger<T>
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                    return [.. _lines];
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
                _lines.Add(formatter(state, exception));
        }
    }
}
