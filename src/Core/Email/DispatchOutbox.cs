using Engagement.Core.Common;

namespace Engagement.Core.Email;

/// <summary>
/// Sends the outbox's due messages: each taken with a hold (so two dispatchers never send one at once), sent, and marked
/// sent; a transient failure is tried again with exponential back-off (1 minute, doubling, at most 1 hour between tries)
/// up to <see cref="MaxAttempts"/>, a permanent one is marked failed at once. Returns how many were sent.
/// </summary>
/// <remarks>
/// SMTP cannot refuse a duplicate, so "exactly once" is not on offer: a message is marked sent right after the server
/// accepts it, and is sent again only when the process dies between the two, after its hold, with the same Message-ID, so
/// receiving systems can drop the copy.
/// </remarks>
public sealed class DispatchOutbox(IOutboxStore outbox, IEmailSender sender, TimeProvider clock) : IUseCase
{
    public const int MaxAttempts = 12;
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromHours(1);

    /// <summary>The wait before try number <paramref name="attempt"/> + 1: 1, 2, 4… minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, FirstRetry.Ticks << Math.Min(20, Math.Max(0, attempt - 1))));

    public async Task<int> ExecuteAsync(int max, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await outbox.TakeDueAsync(now, now + Hold, max, ct);
        var sent = 0;
        foreach (var entry in due)
        {
            try
            {
                await sender.SendAsync(entry.Message, ct);
                await outbox.MarkSentAsync(entry.Message.Id, clock.GetUtcNow(), ct);
                sent++;
            }
            catch (EmailDeliveryException e)
            {
                var attempts = entry.Attempts + 1;
                DateTimeOffset? retryAt = e.Transient && attempts < MaxAttempts ? clock.GetUtcNow() + Backoff(attempts) : null;
                await outbox.MarkFailedAsync(entry.Message.Id, e.Message, retryAt, ct);
            }
        }
        return sent;
    }
}
