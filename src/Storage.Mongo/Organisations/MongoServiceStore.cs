using Engagement.Core.Organisations;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>Services in MongoDB; a unique index on (organisation, slug) keeps a slug to one service per organisation.</summary>
public sealed class MongoServiceStore(MongoStorage db) : IServiceStore
{
    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        // Serves the organisation's list ordered by slug as well as the rule.
        new(MongoSchema.Collections.Services, "organisation_slug", new BsonDocument { { "organisationId", 1 }, { "slug", 1 } }) { Unique = true },
    ];

    private readonly IMongoCollection<Service> _services = db.Collection<Service>(MongoSchema.Collections.Services);

    public Task<bool> TryAddAsync(Service service, CancellationToken ct = default) =>
        DuplicateKeys.TryInsertAsync(_services, service, ct);

    public async Task<bool> UpdateAsync(Service service, CancellationToken ct = default)
    {
        // Only the texts are set, so identity, owner, slug and creation stay as stored whatever the caller passed.
        var result = await _services.UpdateOneAsync(Queries.ById(service.Id), Queries.SetTexts(service), cancellationToken: ct);
        return result.MatchedCount == 1;
    }

    public async Task<Service?> GetAsync(string id, CancellationToken ct = default) =>
        await _services.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<Service>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? [] : await _services.Find(Queries.ByIds(ids)).ToListAsync(ct);

    public async Task<IReadOnlyList<Service>> ListByOrganisationAsync(string organisationId, CancellationToken ct = default) =>
        await _services.Find(Queries.OfOrganisation(organisationId)).Sort(Queries.BySlugOrder()).ToListAsync(ct);

    /// <summary>Every filter, sort and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<Service> F = Builders<Service>.Filter;

        public static FilterDefinition<Service> ById(string id) => F.Eq(x => x.Id, id);

        public static FilterDefinition<Service> ByIds(IEnumerable<string> ids) => F.In(x => x.Id, ids.Distinct(StringComparer.Ordinal));

        public static FilterDefinition<Service> OfOrganisation(string organisationId) => F.Eq(x => x.OrganisationId, organisationId);

        public static SortDefinition<Service> BySlugOrder() => Builders<Service>.Sort.Ascending(x => x.Slug);

        public static UpdateDefinition<Service> SetTexts(Service service) =>
            Builders<Service>.Update.Set(x => x.Name, service.Name).Set(x => x.Description, service.Description);
    }
}
