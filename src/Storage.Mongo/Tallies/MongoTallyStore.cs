using Engagement.Core.Tallies;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>One counter: a bucket of a scope. The id is the pair, so concurrent first increments meet on one document.</summary>
internal sealed record TallyDocument(TallyKey Id, long Count);

/// <summary>A tally counter's identity.</summary>
internal sealed record TallyKey(string Scope, string Bucket);

/// <summary>Reads tallies from MongoDB; the stores of the counted records write them through <see cref="TallyWrites"/>.</summary>
public sealed class MongoTallyStore(MongoStorage db) : ITallyStore
{
    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.Tallies, "scope_bucket", new BsonDocument { { "_id.scope", 1 }, { "_id.bucket", 1 } }),
    ];

    private readonly IMongoCollection<TallyDocument> _tallies = db.Collection<TallyDocument>(MongoSchema.Collections.Tallies);

    public async Task<Tally> GetAsync(string scope, CancellationToken ct = default) =>
        (await GetManyAsync([scope], ct))[scope];

    public async Task<IReadOnlyDictionary<string, Tally>> GetManyAsync(IReadOnlyCollection<string> scopes, CancellationToken ct = default)
    {
        var counts = scopes.Distinct(StringComparer.Ordinal).ToDictionary(s => s, _ => new Dictionary<string, long>(), StringComparer.Ordinal);
        if (counts.Count == 0)
            return new Dictionary<string, Tally>();
        var found = await _tallies.Find(Queries.OfScopes(counts.Keys)).ToListAsync(ct);
        foreach (var counter in found)
            counts[counter.Id.Scope][counter.Id.Bucket] = counter.Count;
        return counts.ToDictionary(c => c.Key, c => new Tally(c.Key, c.Value), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Tally>> ListLargestAsync(string scopePrefix, int max, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scopePrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var largest = await _tallies.Aggregate(Queries.Largest(scopePrefix, max), cancellationToken: ct).ToListAsync(ct);
        return largest
            .Select(scope => new Tally(
                scope["_id"].AsString,
                scope["buckets"].AsBsonArray
                    .Select(b => b.AsBsonDocument)
                    .Where(b => b["count"].ToInt64() != 0)
                    .ToDictionary(b => b["bucket"].AsString, b => b["count"].ToInt64(), StringComparer.Ordinal)))
            .ToList();
    }

    /// <summary>Every filter and pipeline this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<TallyDocument> F = Builders<TallyDocument>.Filter;

        /// <summary>The non-zero counters of these scopes (zero ones stay stored: a removed reaction may come back).</summary>
        public static FilterDefinition<TallyDocument> OfScopes(IEnumerable<string> scopes) =>
            F.In("_id.scope", scopes) & F.Ne(x => x.Count, 0);

        /// <summary>The scopes under a prefix, summed in the database, largest first (ties by scope), with their buckets.</summary>
        public static PipelineDefinition<TallyDocument, BsonDocument> Largest(string scopePrefix, int max) =>
            new BsonDocument[]
            {
                // A range on the scope rather than a regular expression, which would read '.' or '+' in a page address as patterns.
                new("$match", new BsonDocument("_id.scope", new BsonDocument { { "$gte", scopePrefix }, { "$lt", PrefixEnd(scopePrefix) } })),
                new("$group", new BsonDocument
                {
                    { "_id", "$_id.scope" },
                    { "total", new BsonDocument("$sum", "$count") },
                    { "buckets", new BsonDocument("$push", new BsonDocument { { "bucket", "$_id.bucket" }, { "count", "$count" } }) },
                }),
                new("$match", new BsonDocument("total", new BsonDocument("$gt", 0))),
                new("$sort", new BsonDocument { { "total", -1 }, { "_id", 1 } }),
                new("$limit", max),
            };

        /// <summary>One counter moved by a delta, created at the delta when it does not exist yet.</summary>
        public static UpdateOneModel<TallyDocument> Increment(string scope, string bucket, long delta) =>
            new(F.Eq(x => x.Id, new TallyKey(scope, bucket)), Builders<TallyDocument>.Update.Inc(x => x.Count, delta)) { IsUpsert = true };

        // The first string after every string that starts with the prefix, in the server's binary (ordinal UTF-8) order.
        private static string PrefixEnd(string prefix) =>
            prefix[^1] == char.MaxValue ? prefix + char.MaxValue : prefix[..^1] + (char)(prefix[^1] + 1);
    }
}

/// <summary>Applies a <see cref="TallyDelta"/> inside the caller's transaction: the only way tallies are written.</summary>
internal static class TallyWrites
{
    public static async Task ApplyAsync(MongoStorage db, IClientSessionHandle session, TallyDelta delta, CancellationToken ct)
    {
        if (delta.IsEmpty)
            return;
        var models = delta.Changes.Select(c => MongoTallyStore.Queries.Increment(c.Scope, c.Bucket, c.Delta)).ToList();
        await db.Collection<TallyDocument>(MongoSchema.Collections.Tallies).BulkWriteAsync(session, models, new BulkWriteOptions { IsOrdered = true }, ct);
    }
}
