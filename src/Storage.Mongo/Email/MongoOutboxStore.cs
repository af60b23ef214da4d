using Engagement.Core.Email;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>One message in the outbox: its id is the message's, which is what stores each message once.</summary>
internal sealed record OutboxDocument(
    string Id, EmailMessage Message, OutboxStatus Status, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset? SentAt)
{
    public static OutboxDocument Pending(EmailMessage message, DateTimeOffset now) => new(message.Id, message, OutboxStatus.Pending, 0, now, null, null);

    public OutboxEntry ToEntry() => new()
    {
        Message = Message, Status = Status, Attempts = Attempts, NextAttemptAt = NextAttemptAt, LastError = LastError, SentAt = SentAt,
    };
}

/// <summary>The email outbox in MongoDB; other stores write their messages through <see cref="OutboxWrites"/> in their own transaction.</summary>
public sealed class MongoOutboxStore(MongoStorage db) : IOutboxStore
{
    private const string NextAttempt = "nextAttemptAt";
    private const string Created = "message.createdAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.Outbox, "due", new BsonDocument { { "status", 1 }, { Instant.TicksOf(NextAttempt), 1 }, { "_id", 1 } }),
        new(MongoSchema.Collections.Outbox, "status_newest", new BsonDocument { { "status", 1 }, { Instant.TicksOf(Created), -1 }, { "_id", 1 } }),
    ];

    private readonly IMongoCollection<OutboxDocument> _outbox = db.Collection<OutboxDocument>(MongoSchema.Collections.Outbox);

    public async Task<int> EnqueueAsync(IReadOnlyList<EmailMessage> messages, DateTimeOffset now, CancellationToken ct = default)
    {
        if (messages.Count == 0)
            return 0;
        // Upserts that only insert: a message already stored (or twice in this batch) is left alone and not counted.
        var result = await _outbox.BulkWriteAsync(messages.Select(m => Queries.Enqueue(m, now)), new BulkWriteOptions { IsOrdered = true }, ct);
        return result.Upserts.Count;
    }

    public async Task<IReadOnlyList<OutboxEntry>> TakeDueAsync(DateTimeOffset now, DateTimeOffset holdUntil, int max, CancellationToken ct = default)
    {
        // One message per find-and-modify: the due condition is in its filter, so of two dispatchers racing for a message
        // the server lets exactly one match it, and the other moves on to the next. Messages taken by this call are left
        // out by id, so a hold that ends before now cannot hand the same message back twice.
        var taken = new List<OutboxEntry>();
        var options = new FindOneAndUpdateOptions<OutboxDocument> { Sort = Queries.DueFirst(), ReturnDocument = ReturnDocument.After };
        while (taken.Count < max)
        {
            var held = await _outbox.FindOneAndUpdateAsync(Queries.Due(now, taken.Select(e => e.Message.Id)), Queries.Hold(holdUntil), options, ct);
            if (held is null)
                break;
            taken.Add(held.ToEntry());
        }
        return taken;
    }

    public Task MarkSentAsync(string id, DateTimeOffset at, CancellationToken ct = default) =>
        _outbox.FindOneAndUpdateAsync(Queries.NotSent(id), Queries.Sent(at), cancellationToken: ct);

    public Task MarkFailedAsync(string id, string error, DateTimeOffset? retryAt, CancellationToken ct = default) =>
        _outbox.FindOneAndUpdateAsync(Queries.PendingById(id), Queries.Failed(error, retryAt), cancellationToken: ct);

    public async Task<OutboxEntry?> GetAsync(string id, CancellationToken ct = default) =>
        (await _outbox.Find(Queries.ById(id)).FirstOrDefaultAsync(ct))?.ToEntry();

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus status, int max, CancellationToken ct = default)
    {
        // A limit of 0 means none to the server; to every adapter it means an empty list.
        if (max < 1)
            return [];
        return (await _outbox.Find(Queries.InStatus(status)).Sort(Queries.Newest()).Limit(max).ToListAsync(ct)).Select(d => d.ToEntry()).ToList();
    }

    /// <summary>Every filter, sort, update and write model this store (and <see cref="OutboxWrites"/>) sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<OutboxDocument> F = Builders<OutboxDocument>.Filter;
        private static readonly UpdateDefinitionBuilder<OutboxDocument> U = Builders<OutboxDocument>.Update;

        public static FilterDefinition<OutboxDocument> ById(string id) => F.Eq(x => x.Id, id);

        /// <summary>
        /// Stores a message as pending and due now unless its id is stored already: the whole document goes in $setOnInsert,
        /// so an existing message is untouched and, inside a transaction, a repeated id is no error that would abort it.
        /// </summary>
        public static UpdateOneModel<OutboxDocument> Enqueue(EmailMessage message, DateTimeOffset now) =>
            Upserts.InsertIfAbsent(OutboxDocument.Pending(message, now), message.Id);

        /// <summary>A pending message due at <paramref name="now"/> that this claim has not taken yet.</summary>
        public static FilterDefinition<OutboxDocument> Due(DateTimeOffset now, IEnumerable<string> takenIds)
        {
            var filter = F.Eq(x => x.Status, OutboxStatus.Pending) & F.Lte(Instant.TicksOf(NextAttempt), now.UtcTicks);
            var taken = takenIds.ToList();
            return taken.Count == 0 ? filter : filter & F.Nin(x => x.Id, taken);
        }

        /// <summary>Oldest due first, then by id, as every adapter takes them.</summary>
        public static SortDefinition<OutboxDocument> DueFirst() => Builders<OutboxDocument>.Sort.Ascending(Instant.TicksOf(NextAttempt)).Ascending("_id");

        /// <summary>The hold: not due again until it ends.</summary>
        public static UpdateDefinition<OutboxDocument> Hold(DateTimeOffset holdUntil) => U.Set(x => x.NextAttemptAt, holdUntil);

        public static FilterDefinition<OutboxDocument> NotSent(string id) => ById(id) & F.Ne(x => x.Status, OutboxStatus.Sent);

        public static UpdateDefinition<OutboxDocument> Sent(DateTimeOffset at) =>
            U.Set(x => x.Status, OutboxStatus.Sent).Inc(x => x.Attempts, 1).Set(x => x.SentAt, at).Unset(x => x.LastError);

        /// <summary>Only a pending message records a failure: a sent or given-up one stays as it is.</summary>
        public static FilterDefinition<OutboxDocument> PendingById(string id) => ById(id) & F.Eq(x => x.Status, OutboxStatus.Pending);

        /// <summary>Pending again from <paramref name="retryAt"/>, or failed for good without one (its due time then stays).</summary>
        public static UpdateDefinition<OutboxDocument> Failed(string error, DateTimeOffset? retryAt)
        {
            var update = U.Inc(x => x.Attempts, 1).Set(x => x.LastError, error);
            return retryAt is { } at
                ? update.Set(x => x.NextAttemptAt, at)
                : update.Set(x => x.Status, OutboxStatus.Failed);
        }

        public static FilterDefinition<OutboxDocument> InStatus(OutboxStatus status) => F.Eq(x => x.Status, status);

        /// <summary>Newest written first, then by id.</summary>
        public static SortDefinition<OutboxDocument> Newest() => Builders<OutboxDocument>.Sort.Descending(Instant.TicksOf(Created)).Ascending("_id");
    }
}

/// <summary>Writes outbox messages inside the caller's transaction, so an email exists exactly when the change that causes it commits.</summary>
internal static class OutboxWrites
{
    /// <summary>Stores each message not stored yet (a known id is left as it is); returns how many were new.</summary>
    public static async Task<int> AppendAsync(MongoStorage db, IClientSessionHandle session, IReadOnlyList<EmailMessage> messages, DateTimeOffset now, CancellationToken ct)
    {
        if (messages.Count == 0)
            return 0;
        var result = await db.Collection<OutboxDocument>(MongoSchema.Collections.Outbox).BulkWriteAsync(
            session, messages.Select(m => MongoOutboxStore.Queries.Enqueue(m, now)), new BulkWriteOptions { IsOrdered = true }, ct);
        return result.Upserts.Count;
    }
}
