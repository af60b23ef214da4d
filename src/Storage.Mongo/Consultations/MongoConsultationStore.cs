using Engagement.Core.Consultations;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>Consultations in MongoDB, one document each, replaced only when the stored version is the expected one.</summary>
public sealed class MongoConsultationStore(MongoStorage db) : IConsultationStore
{
    private const string Created = "createdAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.Consultations, "organisation_slug", new BsonDocument { { "organisationId", 1 }, { "slug", 1 } }) { Unique = true },
        // Read backwards for "newest first"; the status one serves the list filtered by status.
        new(MongoSchema.Collections.Consultations, "organisation_created", MongoPaging.Keys(Created, "organisationId")),
        new(MongoSchema.Collections.Consultations, "organisation_status_created", MongoPaging.Keys(Created, "organisationId", "status")),
    ];

    private readonly IMongoCollection<Consultation> _consultations = db.Collection<Consultation>(MongoSchema.Collections.Consultations);

    public Task<bool> TryAddAsync(Consultation consultation, CancellationToken ct = default) =>
        DuplicateKeys.TryInsertAsync(_consultations, consultation, ct);

    public async Task<bool> UpdateAsync(Consultation consultation, int expectedVersion, CancellationToken ct = default)
    {
        // Of concurrent updates from one version, the server applies the first; the others no longer match the filter.
        var result = await _consultations.UpdateOneAsync(Queries.AtVersion(consultation.Id, expectedVersion), Queries.Replace(consultation), cancellationToken: ct);
        return result.MatchedCount == 1;
    }

    public async Task<Consultation?> GetAsync(string id, CancellationToken ct = default) =>
        await _consultations.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<Consultation?> GetBySlugAsync(string organisationId, string slug, CancellationToken ct = default) =>
        await _consultations.Find(Queries.BySlug(organisationId, slug)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<Consultation>> ListAsync(string organisationId, ConsultationStatus? status = null, CancellationToken ct = default) =>
        await _consultations.Find(Queries.OfOrganisation(organisationId, status)).Sort(Queries.Newest()).ToListAsync(ct);

    /// <summary>Every filter, sort and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<Consultation> F = Builders<Consultation>.Filter;

        public static FilterDefinition<Consultation> ById(string id) => F.Eq(x => x.Id, id);

        public static FilterDefinition<Consultation> BySlug(string organisationId, string slug) =>
            F.Eq(x => x.OrganisationId, organisationId) & F.Eq(x => x.Slug, slug);

        public static FilterDefinition<Consultation> OfOrganisation(string organisationId, ConsultationStatus? status)
        {
            var filter = F.Eq(x => x.OrganisationId, organisationId);
            return status is { } s ? filter & F.Eq(x => x.Status, s) : filter;
        }

        /// <summary>Newest first by the instant (never the local clock reading), then id descending.</summary>
        public static SortDefinition<Consultation> Newest() => MongoPaging.Newest<Consultation>(Created);

        /// <summary>The consultation only while its stored version is the one the caller read.</summary>
        public static FilterDefinition<Consultation> AtVersion(string id, int expectedVersion) =>
            F.Eq(x => x.Id, id) & F.Eq(x => x.Version, expectedVersion);

        public static UpdateDefinition<Consultation> Replace(Consultation given) =>
            VersionedDocuments.ReplaceAllBut(given, nameof(Consultation.OrganisationId), nameof(Consultation.Slug), nameof(Consultation.CreatedAt));
    }
}
