using Engagement.Core.Email;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>An address hash that wants none of a list; the id is the pair, so suppressing twice meets one document.</summary>
internal sealed record SuppressionDocument(SuppressionKey Id, DateTimeOffset At);

/// <summary>A suppression's identity: the list and the address hash.</summary>
internal sealed record SuppressionKey(MailingList List, string AddressHash);

/// <summary>Unsubscribed addresses in MongoDB, by list and address hash.</summary>
public sealed class MongoEmailSuppressionStore(MongoStorage db) : IEmailSuppressionStore
{
    // Lookups match whole ids (list and hash), which the _id index serves; no other index is needed.
    internal static readonly IReadOnlyList<MongoIndex> Indexes = [];

    private readonly IMongoCollection<SuppressionDocument> _suppressions = db.Collection<SuppressionDocument>(MongoSchema.Collections.EmailSuppressions);

    public Task SuppressAsync(MailingList list, string addressHash, DateTimeOffset at, CancellationToken ct = default)
    {
        var (filter, update) = Queries.Suppress(new SuppressionKey(list, addressHash), at);
        return _suppressions.UpdateOneAsync(filter, update, new UpdateOptions { IsUpsert = true }, ct);
    }

    public async Task<IReadOnlySet<string>> SuppressedAsync(MailingList list, IReadOnlyCollection<string> addressHashes, CancellationToken ct = default)
    {
        if (addressHashes.Count == 0)
            return new HashSet<string>();
        var found = await _suppressions.Find(Queries.Suppressed(list, addressHashes)).ToListAsync(ct);
        return found.Select(x => x.Id.AddressHash).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every filter and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<SuppressionDocument> F = Builders<SuppressionDocument>.Filter;

        /// <summary>An upsert that only inserts: the first suppression's time stays.</summary>
        public static (FilterDefinition<SuppressionDocument> Filter, UpdateDefinition<SuppressionDocument> Update) Suppress(SuppressionKey key, DateTimeOffset at) =>
            (F.Eq(x => x.Id, key), Builders<SuppressionDocument>.Update.SetOnInsert(x => x.At, at));

        /// <summary>Whole ids, so the match is on the _id index and a hash is only ever compared as a value.</summary>
        public static FilterDefinition<SuppressionDocument> Suppressed(MailingList list, IEnumerable<string> addressHashes) =>
            F.In(x => x.Id, addressHashes.Distinct(StringComparer.Ordinal).Select(h => new SuppressionKey(list, h)));
    }
}
