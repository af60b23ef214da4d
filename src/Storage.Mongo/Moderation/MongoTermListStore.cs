using Engagement.Core.Moderation;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>Term lists in MongoDB: one document per organisation, kind and language (a unique index), replaced whole.</summary>
public sealed class MongoTermListStore(MongoStorage db) : ITermListStore
{
    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        // Unique so two saves of a new list cannot make two documents; it also serves the ordered list of an organisation.
        new(MongoSchema.Collections.TermLists, "organisation_kind_language", new BsonDocument { { "organisationId", 1 }, { "kind", 1 }, { "language", 1 } })
        {
            Unique = true,
        },
    ];

    private readonly IMongoCollection<TermList> _lists = db.Collection<TermList>(MongoSchema.Collections.TermLists);

    public async Task SaveAsync(TermList list, CancellationToken ct = default)
    {
        var filter = Queries.Of(list.OrganisationId, list.Kind, list.Language);
        var options = new ReplaceOptions { IsUpsert = true };
        try
        {
            await _lists.ReplaceOneAsync(filter, list, options, ct);
        }
        catch (Exception e) when (Errors.IsDuplicateKey(e))
        {
            // Two first saves of one list raced and the unique index let only the other insert: the list exists now, so
            // the same upsert replaces it, and the later save wins as it would have one after the other.
            await _lists.ReplaceOneAsync(filter, list, options, ct);
        }
    }

    public async Task<IReadOnlyList<TermList>> ListAsync(string organisationId, CancellationToken ct = default) =>
        await _lists.Find(Queries.OfOrganisation(organisationId)).Sort(Queries.KindThenLanguage()).ToListAsync(ct);

    /// <summary>Every filter and sort this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<TermList> F = Builders<TermList>.Filter;

        public static FilterDefinition<TermList> Of(string organisationId, TermListKind kind, string language) =>
            F.Eq(x => x.OrganisationId, organisationId) & F.Eq(x => x.Kind, kind) & F.Eq(x => x.Language, language);

        public static FilterDefinition<TermList> OfOrganisation(string organisationId) => F.Eq(x => x.OrganisationId, organisationId);

        /// <summary>By kind then language; kinds are stored by name, so "Blocked" sorts before "Suspect" as in every adapter.</summary>
        public static SortDefinition<TermList> KindThenLanguage() => Builders<TermList>.Sort.Ascending(x => x.Kind).Ascending(x => x.Language);
    }
}
