using Engagement.Core.Widgets;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>Widget keys in MongoDB, one document each; the public key is held unique by an index and looked up by it.</summary>
public sealed class MongoWidgetKeyStore(MongoStorage db) : IWidgetKeyStore
{
    private const string Created = "createdAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.WidgetKeys, "key", new BsonDocument("key", 1)) { Unique = true },
        new(MongoSchema.Collections.WidgetKeys, "service_oldest", MongoPaging.Keys(Created, "serviceId")),
    ];

    private readonly IMongoCollection<WidgetKey> _keys = db.Collection<WidgetKey>(MongoSchema.Collections.WidgetKeys);

    public Task<bool> TryAddAsync(WidgetKey key, CancellationToken ct = default) =>
        DuplicateKeys.TryInsertAsync(_keys, key, ct);

    // Only the settings are in the update, so identity, owner, service and creation stay as stored whatever the caller passed.
    public async Task<bool> UpdateAsync(WidgetKey key, CancellationToken ct = default) =>
        (await _keys.UpdateOneAsync(Queries.ById(key.Id), Queries.SetSettings(key), cancellationToken: ct)).MatchedCount == 1;

    public async Task<WidgetKey?> GetAsync(string id, CancellationToken ct = default) =>
        await _keys.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<WidgetKey?> GetByKeyAsync(string key, CancellationToken ct = default) =>
        await _keys.Find(Queries.ByKey(key)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<WidgetKey>> ListByServiceAsync(string serviceId, CancellationToken ct = default) =>
        await _keys.Find(Queries.OfService(serviceId)).Sort(Queries.Oldest()).ToListAsync(ct);

    /// <summary>Every filter, sort and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<WidgetKey> F = Builders<WidgetKey>.Filter;

        public static FilterDefinition<WidgetKey> ById(string id) => F.Eq(x => x.Id, id);

        /// <summary>The public key compared exactly (the server compares strings by their bytes: case matters).</summary>
        public static FilterDefinition<WidgetKey> ByKey(string key) => F.Eq(x => x.Key, key);

        public static FilterDefinition<WidgetKey> OfService(string serviceId) => F.Eq(x => x.ServiceId, serviceId);

        public static SortDefinition<WidgetKey> Oldest() => MongoPaging.Oldest<WidgetKey>(Created);

        /// <summary>The key's settings; an optional one set to null is removed, as a new key would not store it.</summary>
        public static UpdateDefinition<WidgetKey> SetSettings(WidgetKey key)
        {
            var u = Builders<WidgetKey>.Update;
            return u.Combine(
                u.Set(x => x.AllowedOrigins, key.AllowedOrigins),
                key.PagePattern is null ? u.Unset(x => x.PagePattern) : u.Set(x => x.PagePattern, key.PagePattern),
                u.Set(x => x.Question, key.Question),
                key.Language is null ? u.Unset(x => x.Language) : u.Set(x => x.Language, key.Language),
                u.Set(x => x.ShowAverage, key.ShowAverage),
                u.Set(x => x.Enabled, key.Enabled),
                u.Set(x => x.UpdatedAt, key.UpdatedAt));
        }
    }
}
