using Engagement.Core.Backlog;
using Engagement.Core.FollowUps;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>One backlog event: its sequence is the id, so the board and webhooks read the feed in order from the _id index.</summary>
internal sealed record BacklogEventDocument(long Id, BacklogEventKind Kind, BacklogStatus? PreviousStatus, BacklogItem Item, DateTimeOffset At)
{
    public BacklogEvent ToEvent() => new(Id, Kind, PreviousStatus, Item, At);
}

/// <summary>
/// Backlog items in MongoDB, one document each, written under their version; each write commits, in its transaction, its
/// event, its emails into the outbox and the deletion of its spent follow-ups.
/// </summary>
public sealed class MongoBacklogStore(MongoStorage db) : IBacklogStore
{
    // The counter (in the counters collection) whose value is the last event's sequence.
    internal const string EventCounter = "backlogEvents";

    private const string Created = "createdAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.Backlog, "board", new BsonDocument { { "organisationId", 1 }, { Instant.TicksOf(Created), -1 }, { "_id", 1 } }),
        new(MongoSchema.Collections.Backlog, "board_status", new BsonDocument { { "organisationId", 1 }, { "status", 1 }, { Instant.TicksOf(Created), -1 }, { "_id", 1 } }),
    ];

    private readonly IMongoCollection<BacklogItem> _items = db.Collection<BacklogItem>(MongoSchema.Collections.Backlog);
    private readonly IMongoCollection<BacklogEventDocument> _events = db.Collection<BacklogEventDocument>(MongoSchema.Collections.BacklogEvents);
    private readonly IMongoCollection<CounterDocument> _counters = db.Collection<CounterDocument>(MongoSchema.Collections.Counters);
    private readonly IMongoCollection<FollowUp> _followUps = db.Collection<FollowUp>(MongoSchema.Collections.FollowUps);

    public Task<bool> TryAddAsync(BacklogItem item, BacklogWrite write, CancellationToken ct = default) =>
        // A taken id is a duplicate key, which rolls back the whole transaction: nothing the write causes is kept.
        db.TryInTransactionAsync(async (s, c) =>
        {
            await _items.InsertOneAsync(s, item, cancellationToken: c);
            await EffectsAsync(s, item, write, c);
            return true;
        }, ct);

    public Task<bool> TryUpdateAsync(BacklogItem item, int expectedVersion, BacklogWrite write, CancellationToken ct = default) =>
        db.TryInTransactionAsync(async (s, c) =>
        {
            // The version is in the filter: of two writers that read the same version, the server lets one replace it,
            // and the other matches nothing (or conflicts and, retried, then matches nothing) and writes no effect.
            var replaced = await _items.ReplaceOneAsync(s, Queries.AtVersion(item.Id, item.OrganisationId, expectedVersion), item, cancellationToken: c);
            if (replaced.MatchedCount == 0)
                return false;
            await EffectsAsync(s, item, write, c);
            return true;
        }, ct);

    public async Task<IReadOnlyList<BacklogEvent>> ReadEventsAsync(long sequence, int max, CancellationToken ct = default)
    {
        if (max < 1)
            return [];
        var found = await _events.Find(Queries.EventsAfter(sequence)).Sort(Queries.EventOrder()).Limit(max).ToListAsync(ct);
        return found.Select(e => e.ToEvent()).ToList();
    }

    public async Task<BacklogItem?> GetAsync(string id, CancellationToken ct = default) =>
        await _items.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<BacklogItem>> ListAsync(string organisationId, BacklogStatus? status, int max, CancellationToken ct = default)
    {
        if (max < 1)
            return [];
        return await _items.Find(Queries.Board(organisationId, status)).Sort(Queries.Newest()).Limit(max).ToListAsync(ct);
    }

    // Everything the write causes, in its transaction. The event's sequence comes from one counter every backlog write
    // moves: two concurrent writes conflict on it and one retries after the other commits, so sequences become visible in
    // commit order and a reader resuming after the last it handled never skips one.
    private async Task EffectsAsync(IClientSessionHandle session, BacklogItem item, BacklogWrite write, CancellationToken ct)
    {
        var counter = await _counters.FindOneAndUpdateAsync(session, Queries.Counter(), Queries.NextSequence(),
            new FindOneAndUpdateOptions<CounterDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After }, ct);
        await _events.InsertOneAsync(session, new BacklogEventDocument(counter.Value, write.Event, write.PreviousStatus, item, item.UpdatedAt), cancellationToken: ct);
        await OutboxWrites.AppendAsync(db, session, write.Emails, item.UpdatedAt, ct);
        if (write.SpentFollowUps.Count > 0)
            await _followUps.DeleteManyAsync(session, Queries.FollowUps(write.SpentFollowUps), cancellationToken: ct);
    }

    /// <summary>Every filter, sort and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<BacklogItem> F = Builders<BacklogItem>.Filter;

        public static FilterDefinition<BacklogItem> ById(string id) => F.Eq(x => x.Id, id);

        /// <summary>The item as last read: same organisation and the version the writer read.</summary>
        public static FilterDefinition<BacklogItem> AtVersion(string id, string organisationId, int expectedVersion) =>
            ById(id) & F.Eq(x => x.OrganisationId, organisationId) & F.Eq(x => x.Version, expectedVersion);

        /// <summary>The organisation's items not merged into another, optionally in one status.</summary>
        public static FilterDefinition<BacklogItem> Board(string organisationId, BacklogStatus? status)
        {
            var filter = F.Eq(x => x.OrganisationId, organisationId) & F.Eq(x => x.MergedInto, null);
            return status is { } s ? filter & F.Eq(x => x.Status, s) : filter;
        }

        /// <summary>Newest first, ties by id.</summary>
        public static SortDefinition<BacklogItem> Newest() => Builders<BacklogItem>.Sort.Descending(Instant.TicksOf(Created)).Ascending(x => x.Id);

        public static FilterDefinition<BacklogEventDocument> EventsAfter(long sequence) => Builders<BacklogEventDocument>.Filter.Gt(x => x.Id, sequence);

        public static SortDefinition<BacklogEventDocument> EventOrder() => Builders<BacklogEventDocument>.Sort.Ascending(x => x.Id);

        public static FilterDefinition<CounterDocument> Counter() => Builders<CounterDocument>.Filter.Eq(x => x.Id, EventCounter);

        public static UpdateDefinition<CounterDocument> NextSequence() => Builders<CounterDocument>.Update.Inc(x => x.Value, 1L);

        public static FilterDefinition<FollowUp> FollowUps(IEnumerable<string> ids) => Builders<FollowUp>.Filter.In(x => x.Id, ids.Distinct(StringComparer.Ordinal));
    }
}
