using Engagement.Core.Email;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// One message in the outbox as stored: the message's id is the document's, so a message is stored once, and the delivery
/// state sits beside it at the top level, where the dispatcher's queries filter and sort.
/// </summary>
internal sealed record OutboxDocument(
    string Id,
    EmailMessage Message,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset? SentAt)
{
    public static OutboxDocument Of(OutboxEntry entry) =>
        new(entry.Message.Id, entry.Message, entry.Status, entry.Attempts, entry.NextAttemptAt, entry.LastError, entry.SentAt);

    public OutboxEntry ToEntry() => new()
    {
        Message = Message,
        Status = Status,
        Attempts = Attempts,
        NextAttemptAt = NextAttemptAt,
        LastError = LastError,
        SentAt = SentAt,
    };
}

/// <summary>Writes a message to the outbox inside the caller's transaction (the change that causes the email).</summary>
internal static class OutboxWrites
{
    /// <summary>
    /// Stores the message as pending and due at <paramref name="now"/>. A message id already in the outbox is a duplicate
    /// key, which aborts the caller's transaction: the caller's change and its email are stored together or not at all.
    /// </summary>
    public static Task InsertAsync(MongoStorage db, IClientSessionHandle session, EmailMessage message, DateTimeOffset now, CancellationToken ct) =>
        db.Collection<OutboxDocument>(MongoSchema.Collections.Outbox).InsertOneAsync(
            session,
            OutboxDocument.Of(new OutboxEntry { Message = message, Status = OutboxStatus.Pending, Attempts = 0, NextAttemptAt = now }),
            cancellationToken: ct);
}
