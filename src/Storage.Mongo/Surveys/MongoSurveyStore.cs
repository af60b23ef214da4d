using Engagement.Core.Surveys;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>Surveys in MongoDB, each with its questions in one document, replaced only when the stored version is the expected one.</summary>
public sealed class MongoSurveyStore(MongoStorage db) : ISurveyStore
{
    private const string Created = "createdAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.Surveys, "organisation_slug", new BsonDocument { { "organisationId", 1 }, { "slug", 1 } }) { Unique = true },
        new(MongoSchema.Collections.Surveys, "organisation_created", MongoPaging.Keys(Created, "organisationId")),
        new(MongoSchema.Collections.Surveys, "organisation_status_created", MongoPaging.Keys(Created, "organisationId", "status")),
        new(MongoSchema.Collections.Surveys, "consultation_created", MongoPaging.Keys(Created, "consultationId"))
        {
            PartialFilter = new BsonDocument("consultationId", new BsonDocument("$exists", true)),
        },
    ];

    private readonly IMongoCollection<Survey> _surveys = db.Collection<Survey>(MongoSchema.Collections.Surveys);

    public Task<bool> TryAddAsync(Survey survey, CancellationToken ct = default) =>
        DuplicateKeys.TryInsertAsync(_surveys, survey, ct);

    public async Task<bool> UpdateAsync(Survey survey, int expectedVersion, CancellationToken ct = default)
    {
        // Of concurrent updates from one version, the server applies the first; the others no longer match the filter.
        var result = await _surveys.UpdateOneAsync(Queries.AtVersion(survey.Id, expectedVersion), Queries.Replace(survey), cancellationToken: ct);
        return result.MatchedCount == 1;
    }

    public async Task<Survey?> GetAsync(string id, CancellationToken ct = default) =>
        await _surveys.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<Survey?> GetBySlugAsync(string organisationId, string slug, CancellationToken ct = default) =>
        await _surveys.Find(Queries.BySlug(organisationId, slug)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<Survey>> ListByConsultationAsync(string consultationId, CancellationToken ct = default) =>
        await _surveys.Find(Queries.OfConsultation(consultationId)).Sort(Queries.Oldest()).ToListAsync(ct);

    public async Task<IReadOnlyList<Survey>> ListAsync(string organisationId, SurveyStatus? status = null, CancellationToken ct = default) =>
        await _surveys.Find(Queries.OfOrganisation(organisationId, status)).Sort(Queries.Newest()).ToListAsync(ct);

    /// <summary>Every filter, sort and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<Survey> F = Builders<Survey>.Filter;

        public static FilterDefinition<Survey> ById(string id) => F.Eq(x => x.Id, id);

        public static FilterDefinition<Survey> BySlug(string organisationId, string slug) =>
            F.Eq(x => x.OrganisationId, organisationId) & F.Eq(x => x.Slug, slug);

        public static FilterDefinition<Survey> OfConsultation(string consultationId) => F.Eq(x => x.ConsultationId, consultationId);

        public static FilterDefinition<Survey> OfOrganisation(string organisationId, SurveyStatus? status)
        {
            var filter = F.Eq(x => x.OrganisationId, organisationId);
            return status is { } s ? filter & F.Eq(x => x.Status, s) : filter;
        }

        /// <summary>Oldest first by the instant, then id.</summary>
        public static SortDefinition<Survey> Oldest() => MongoPaging.Oldest<Survey>(Created);

        /// <summary>Newest first by the instant (never the local clock reading), then id descending.</summary>
        public static SortDefinition<Survey> Newest() => MongoPaging.Newest<Survey>(Created);

        /// <summary>The survey only while its stored version is the one the caller read.</summary>
        public static FilterDefinition<Survey> AtVersion(string id, int expectedVersion) =>
            F.Eq(x => x.Id, id) & F.Eq(x => x.Version, expectedVersion);

        /// <summary>Everything but identity, owner, slug and creation; a survey detached from its consultation loses the field.</summary>
        public static UpdateDefinition<Survey> Replace(Survey given) =>
            VersionedDocuments.ReplaceAllBut(given, nameof(Survey.OrganisationId), nameof(Survey.Slug), nameof(Survey.CreatedAt));
    }
}
