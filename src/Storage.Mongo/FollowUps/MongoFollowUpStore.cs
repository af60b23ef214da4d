using Engagement.Core.FollowUps;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// Follow-up addresses in MongoDB: written with their contribution (<see cref="FollowUpWrites"/>), found by contribution,
/// deleted by address or expiry here.
/// </summary>
public sealed class MongoFollowUpStore(MongoStorage db) : IFollowUpStore
{
    private const string Expires = "expiresAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.FollowUps, "organisation_contribution", new BsonDocument { { "organisationId", 1 }, { "contributionId", 1 } }),
        new(MongoSchema.Collections.FollowUps, "address", new BsonDocument("address", 1)),
        // The server deletes an address once it expires, even if the retention job never runs; the job deletes promptly.
        new(MongoSchema.Collections.FollowUps, "expiry", new BsonDocument(Instant.DateOf(Expires), 1)) { ExpireAfter = TimeSpan.Zero },
        new(MongoSchema.Collections.FollowUps, "expiry_ticks", new BsonDocument(Instant.TicksOf(Expires), 1)),
    ];

    private readonly IMongoCollection<FollowUp> _followUps = db.Collection<FollowUp>(MongoSchema.Collections.FollowUps);

    public Task AddAsync(FollowUp followUp, CancellationToken ct = default) => FollowUpWrites.AppendAsync(db, null, followUp, ct);

    public async Task<IReadOnlyList<FollowUp>> ListForContributionsAsync(
        string organisationId, IReadOnlyCollection<string> contributionIds, DateTimeOffset now, CancellationToken ct = default) =>
        contributionIds.Count == 0 ? [] : await _followUps.Find(Queries.ForContributions(organisationId, contributionIds, now)).Sort(Queries.ById()).ToListAsync(ct);

    public async Task<int> DeleteByAddressAsync(string address, CancellationToken ct = default) =>
        (int)(await _followUps.DeleteManyAsync(Queries.ByAddress(address), ct)).DeletedCount;

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        if (max < 1)
            return 0;
        // A delete takes no limit: the batch's ids are read first, soonest expired first, and deleted if still expired.
        var batch = await _followUps.Find(Queries.Expired(now)).Sort(Queries.SoonestExpired()).Limit(max).ToListAsync(ct);
        if (batch.Count == 0)
            return 0;
        return (int)(await _followUps.DeleteManyAsync(Queries.ExpiredAmong(batch.Select(x => x.Id), now), ct)).DeletedCount;
    }

    /// <summary>Every filter and sort this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<FollowUp> F = Builders<FollowUp>.Filter;

        /// <summary>The organisation's follow-ups of these contributions that have not expired at <paramref name="now"/>.</summary>
        public static FilterDefinition<FollowUp> ForContributions(string organisationId, IEnumerable<string> contributionIds, DateTimeOffset now) =>
            F.Eq(x => x.OrganisationId, organisationId)
            & F.In(x => x.ContributionId, contributionIds.Distinct(StringComparer.Ordinal))
            & F.Gt(Instant.TicksOf(Expires), now.UtcTicks);

        public static SortDefinition<FollowUp> ById() => Builders<FollowUp>.Sort.Ascending(x => x.Id);

        public static FilterDefinition<FollowUp> ByAddress(string address) => F.Eq(x => x.Address, address);

        public static FilterDefinition<FollowUp> Expired(DateTimeOffset now) => F.Lte(Instant.TicksOf(Expires), now.UtcTicks);

        public static SortDefinition<FollowUp> SoonestExpired() => Builders<FollowUp>.Sort.Ascending(Instant.TicksOf(Expires));

        public static FilterDefinition<FollowUp> ExpiredAmong(IEnumerable<string> ids, DateTimeOffset now) => F.In(x => x.Id, ids) & Expired(now);
    }
}
