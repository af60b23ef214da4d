using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// Moderation items in MongoDB, one document each. An open item also carries an <c>openKey</c> (its kind and target),
/// held unique by a partial index, so a text never has two open items; every replace is conditioned on the version, so
/// two moderators never both win; the stored priority orders the queue.
/// </summary>
public sealed class MongoModerationItemStore(MongoStorage db) : IModerationItemStore
{
    /// <summary>The field only open items carry; the partial unique index over it is the one-open-item-per-text rule.</summary>
    internal const string OpenKey = "openKey";

    // The port's bounds on one list; larger asks are capped rather than refused.
    private const int MaxList = 200;
    private const int MaxCreatedSince = 10_000;

    private const string Created = "createdAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.ModerationItems, "open_text", new BsonDocument(OpenKey, 1))
        {
            Unique = true,
            PartialFilter = new BsonDocument(OpenKey, new BsonDocument("$exists", true)),
        },
        new(MongoSchema.Collections.ModerationItems, "queue",
            new BsonDocument { { "organisationId", 1 }, { "status", 1 }, { "priority", -1 }, { Instant.TicksOf(Created), 1 }, { "_id", 1 } }),
        new(MongoSchema.Collections.ModerationItems, "organisation_created", MongoPaging.Keys(Created, "organisationId")),
    ];

    private readonly IMongoCollection<ModerationItem> _items = db.Collection<ModerationItem>(MongoSchema.Collections.ModerationItems);

    // Writes go through untyped documents: the open key is the store's own field, not the item's.
    private readonly IMongoCollection<BsonDocument> _documents = db.Collection<BsonDocument>(MongoSchema.Collections.ModerationItems);

    public Task<bool> TryAddAsync(ModerationItem item, CancellationToken ct = default)
    {
        // An open item: the unique indexes on the id and the open key decide alone, atomically.
        if (IsOpen(item))
            return DuplicateKeys.RefuseAsync(() => InsertAsync(null, item, ct));
        // A decided item has no open key, so the index cannot refuse it while the text has an open item: the check and the
        // insert share a snapshot. An open item committed concurrently is not seen, which is the order "decided item first,
        // then the open one": allowed, since a decided item never stops a later open one.
        return db.TryInTransactionAsync(async (s, c) =>
        {
            if (await _items.Find(s, Queries.Open(item.Kind, item.TargetId)).AnyAsync(c))
                return false;
            return await InsertAsync(s, item, c);
        }, ct);
    }

    public async Task<bool> TryUpdateAsync(ModerationItem item, int expectedVersion, CancellationToken ct = default)
    {
        var updated = item with { Version = expectedVersion + 1 };
        // One atomic replace both checks the version and writes: of two writers from one version exactly one matches. A
        // change that would give the text a second open item fails the open key's index and writes nothing.
        return await DuplicateKeys.RefuseAsync(async () =>
            (await _documents.ReplaceOneAsync(Queries.AtVersion(item.Id, expectedVersion), Queries.Document(updated), cancellationToken: ct)).MatchedCount == 1);
    }

    public async Task<ModerationItem?> GetAsync(string id, CancellationToken ct = default) =>
        await _items.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<ModerationItem?> GetOpenAsync(TextKind kind, string targetId, CancellationToken ct = default) =>
        await _items.Find(Queries.Open(kind, targetId)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ModerationItem>> ListAsync(string organisationId, ModerationItemStatus status, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return await _items.Find(Queries.InStatus(organisationId, status)).Sort(Queries.QueueOrder()).Limit(Math.Min(max, MaxList)).ToListAsync(ct);
    }

    public async Task<int> CountAsync(string organisationId, ModerationItemStatus status, CancellationToken ct = default) =>
        (int)await _items.CountDocumentsAsync(Queries.InStatus(organisationId, status), cancellationToken: ct);

    public async Task<IReadOnlyList<ModerationItem>> ListCreatedSinceAsync(string organisationId, DateTimeOffset since, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return await _items.Find(Queries.CreatedSince(organisationId, since)).Sort(Queries.Oldest()).Limit(Math.Min(max, MaxCreatedSince)).ToListAsync(ct);
    }

    private async Task<bool> InsertAsync(IClientSessionHandle? session, ModerationItem item, CancellationToken ct)
    {
        var document = Queries.Document(item);
        if (session is null)
            await _documents.InsertOneAsync(document, cancellationToken: ct);
        else
            await _documents.InsertOneAsync(session, document, cancellationToken: ct);
        return true;
    }

    private static bool IsOpen(ModerationItem item) => item.Status != ModerationItemStatus.Decided;

    /// <summary>Every filter, sort and document this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<ModerationItem> F = Builders<ModerationItem>.Filter;

        /// <summary>The item as stored: its mapped fields (the priority among them, for the queue's order), and the open key while it is open.</summary>
        public static BsonDocument Document(ModerationItem item)
        {
            var document = item.ToBsonDocument();
            if (IsOpen(item))
                document[OpenKey] = KeyOf(item.Kind, item.TargetId);
            return document;
        }

        public static FilterDefinition<ModerationItem> ById(string id) => F.Eq(x => x.Id, id);

        /// <summary>
        /// The item with this id at the expected version, for the untyped collection that writes the open key. The id and
        /// version are a string and an int, which render the same with or without the item's class map.
        /// </summary>
        public static FilterDefinition<BsonDocument> AtVersion(string id, int expectedVersion)
        {
            var f = Builders<BsonDocument>.Filter;
            return f.Eq("_id", id) & f.Eq(Field(nameof(ModerationItem.Version)), expectedVersion);
        }

        /// <summary>
        /// The text's open item. "$exists" repeats the partial index's condition so the planner may use that index; the
        /// equality alone already implies it.
        /// </summary>
        public static FilterDefinition<ModerationItem> Open(TextKind kind, string targetId) =>
            F.Eq(OpenKey, KeyOf(kind, targetId)) & F.Exists(OpenKey);

        public static FilterDefinition<ModerationItem> InStatus(string organisationId, ModerationItemStatus status) =>
            F.Eq(x => x.OrganisationId, organisationId) & F.Eq(x => x.Status, status);

        /// <summary>Highest priority first, then oldest by instant, then by id.</summary>
        public static SortDefinition<ModerationItem> QueueOrder() =>
            Builders<ModerationItem>.Sort.Descending(x => x.Priority).Ascending(Instant.TicksOf(Created)).Ascending(x => x.Id);

        public static FilterDefinition<ModerationItem> CreatedSince(string organisationId, DateTimeOffset since) =>
            F.Eq(x => x.OrganisationId, organisationId) & F.Gte(Instant.TicksOf(Created), since.UtcTicks);

        public static SortDefinition<ModerationItem> Oldest() => MongoPaging.Oldest<ModerationItem>(Created);

        // Kinds are enum names (no ':'), so the first ':' ends the kind and no two texts share a key.
        private static string KeyOf(TextKind kind, string targetId) => $"{kind}:{targetId}";

        private static string Field(string member) => BsonClassMap.LookupClassMap(typeof(ModerationItem)).GetMemberMap(member).ElementName;
    }
}
