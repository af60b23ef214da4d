namespace Engagement.Core.Email;

/// <summary>Where a message in the outbox stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent, or to be tried again at <see cref="OutboxEntry.NextAttemptAt"/>.</summary>
    Pending,

    Sent,

    /// <summary>Given up on: refused for good, or out of attempts. Visible to staff.</summary>
    Failed,
}

/// <summary>One message in the durable outbox, with its delivery state.</summary>
public sealed record OutboxEntry
{
    public required EmailMessage Message { get; init; }
    public required OutboxStatus Status { get; init; }
    public required int Attempts { get; init; }

    /// <summary>When the dispatcher may next try it; while a dispatcher holds it, the end of that hold.</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }
    public DateTimeOffset? SentAt { get; init; }
}

/// <summary>
/// The durable outbox. A change that causes email writes its messages here in the same commit as itself (adapters expose
/// that to the stores that need it); this port is what the dispatcher and staff use. A message id is stored once.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Stores messages not yet stored (by id) as pending and due now; returns how many were new.</summary>
    Task<int> EnqueueAsync(IReadOnlyList<EmailMessage> messages, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>
    /// Takes up to <paramref name="max"/> pending messages due at <paramref name="now"/>, oldest due first, holding each until
    /// <paramref name="holdUntil"/> (so no other dispatcher takes them meanwhile, and a dispatcher that dies lets them go).
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> TakeDueAsync(DateTimeOffset now, DateTimeOffset holdUntil, int max, CancellationToken ct = default);

    /// <summary>Records a delivery; a message already sent stays as it was.</summary>
    Task MarkSentAsync(string id, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Records a failed try: pending again from <paramref name="retryAt"/>, or failed for good when it is null.</summary>
    Task MarkFailedAsync(string id, string error, DateTimeOffset? retryAt, CancellationToken ct = default);

    Task<OutboxEntry?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>Messages in one status, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus status, int max, CancellationToken ct = default);
}
