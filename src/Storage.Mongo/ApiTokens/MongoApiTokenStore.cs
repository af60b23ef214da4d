using Engagement.Core.ApiTokens;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>API tokens in MongoDB, one document each; the id and the secret's hash are each held unique by an index.</summary>
public sealed class MongoApiTokenStore(MongoStorage db) : IApiTokenStore
{
    private const string Created = "createdAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.ApiTokens, "token_hash", new BsonDocument("tokenHash", 1)) { Unique = true },
        new(MongoSchema.Collections.ApiTokens, "organisation_newest",
            new BsonDocument { { "organisationId", 1 }, { Instant.TicksOf(Created), -1 }, { "_id", -1 } }),
    ];

    private readonly IMongoCollection<ApiToken> _tokens = db.Collection<ApiToken>(MongoSchema.Collections.ApiTokens);

    public Task<bool> TryAddAsync(ApiToken token, CancellationToken ct = default) =>
        DuplicateKeys.TryInsertAsync(_tokens, token, ct);

    public async Task<ApiToken?> GetAsync(string id, CancellationToken ct = default) =>
        await _tokens.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<ApiToken?> GetByHashAsync(string tokenHash, CancellationToken ct = default) =>
        await _tokens.Find(Queries.ByHash(tokenHash)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ApiToken>> ListByOrganisationAsync(string organisationId, CancellationToken ct = default) =>
        await _tokens.Find(Queries.OfOrganisation(organisationId)).Sort(Queries.Newest()).ToListAsync(ct);

    public async Task<ApiToken?> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        // The "not revoked yet" condition is in the atomic update's filter: of many concurrent revocations one sets the
        // time, and every other finds nothing to change and reads the time that one set.
        var revoked = await _tokens.FindOneAndUpdateAsync(Queries.NotRevoked(id), Queries.Revoke(at),
            new FindOneAndUpdateOptions<ApiToken> { ReturnDocument = ReturnDocument.After }, ct);
        return revoked ?? await GetAsync(id, ct);
    }

    /// <summary>Every filter, sort and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<ApiToken> F = Builders<ApiToken>.Filter;

        public static FilterDefinition<ApiToken> ById(string id) => F.Eq(x => x.Id, id);

        public static FilterDefinition<ApiToken> ByHash(string tokenHash) => F.Eq(x => x.TokenHash, tokenHash);

        public static FilterDefinition<ApiToken> OfOrganisation(string organisationId) => F.Eq(x => x.OrganisationId, organisationId);

        /// <summary>Newest first by instant (not clock-face time), then id descending.</summary>
        public static SortDefinition<ApiToken> Newest() => MongoPaging.Newest<ApiToken>(Created);

        /// <summary>The token with this id while it has no revocation time (a null is never stored, so the field is absent).</summary>
        public static FilterDefinition<ApiToken> NotRevoked(string id) => F.Eq(x => x.Id, id) & F.Eq(x => x.RevokedAt, null);

        public static UpdateDefinition<ApiToken> Revoke(DateTimeOffset at) => Builders<ApiToken>.Update.Set(x => x.RevokedAt, at);
    }
}
