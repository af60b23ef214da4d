using Engagement.Core.Organisations;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>Organisations in MongoDB; a unique index on the slug refuses a second organisation with it.</summary>
public sealed class MongoOrganisationStore(MongoStorage db) : IOrganisationStore
{
    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        // Serves the slug look-up and the list ordered by slug as well as the rule.
        new(MongoSchema.Collections.Organisations, "slug", new BsonDocument("slug", 1)) { Unique = true },
    ];

    private readonly IMongoCollection<Organisation> _organisations = db.Collection<Organisation>(MongoSchema.Collections.Organisations);

    public Task<bool> TryAddAsync(Organisation organisation, CancellationToken ct = default) =>
        DuplicateKeys.TryInsertAsync(_organisations, organisation, ct);

    public async Task<Organisation?> GetAsync(string id, CancellationToken ct = default) =>
        await _organisations.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<Organisation?> GetBySlugAsync(string slug, CancellationToken ct = default) =>
        await _organisations.Find(Queries.BySlug(slug)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken ct = default) =>
        await _organisations.Find(Queries.All()).Sort(Queries.BySlugOrder()).ToListAsync(ct);

    /// <summary>Every filter and sort this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<Organisation> F = Builders<Organisation>.Filter;

        public static FilterDefinition<Organisation> ById(string id) => F.Eq(x => x.Id, id);

        /// <summary>Exact and case-sensitive: the server compares strings by their bytes unless a collation says otherwise.</summary>
        public static FilterDefinition<Organisation> BySlug(string slug) => F.Eq(x => x.Slug, slug);

        public static FilterDefinition<Organisation> All() => F.Empty;

        // Binary order, as the SQLite adapter's; slugs are ASCII, so it is also the ordinal order the contract states.
        public static SortDefinition<Organisation> BySlugOrder() => Builders<Organisation>.Sort.Ascending(x => x.Slug);
    }
}
