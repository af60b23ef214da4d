using Engagement.Core.Email;
using Engagement.Core.Participants;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// Sign-in links in MongoDB, written with their email in one transaction and used by one atomic find-and-modify, so a
/// link is used once however many tabs open it together.
/// </summary>
public sealed class MongoEmailChallengeStore(MongoStorage db) : IEmailChallengeStore
{
    private const string Created = "createdAt";

    // No TTL index: links are kept for the configurable retention (RetentionOptions.SignInLinks) after they were asked
    // for, so a reused link is still told apart and the per-address cap still counts it; ForgetOldEmailChallenges deletes them.
    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.EmailChallenges, "token_hash", new BsonDocument("tokenHash", 1)) { Unique = true },
        new(MongoSchema.Collections.EmailChallenges, "address_created", MongoPaging.Keys(Created, "address")),
        new(MongoSchema.Collections.EmailChallenges, "created", MongoPaging.Keys(Created)),
    ];

    private readonly IMongoCollection<EmailChallenge> _challenges = db.Collection<EmailChallenge>(MongoSchema.Collections.EmailChallenges);

    public Task<bool> TryAddAsync(EmailChallenge challenge, EmailMessage? email, CancellationToken ct = default) =>
        // A taken id or token hash, or an email id already in the outbox, is a duplicate key: neither is kept.
        db.TryInTransactionAsync(async (s, c) =>
        {
            await _challenges.InsertOneAsync(s, challenge, cancellationToken: c);
            if (email is not null)
                await OutboxWrites.InsertAsync(db, s, email, challenge.CreatedAt, c);
            return true;
        }, ct);

    public async Task<int> CountSinceAsync(string address, DateTimeOffset since, CancellationToken ct = default) =>
        (int)await _challenges.CountDocumentsAsync(Queries.AddressSince(address, since), cancellationToken: ct);

    public async Task<EmailChallenge?> GetByTokenHashAsync(string tokenHash, CancellationToken ct = default) =>
        await _challenges.Find(Queries.ByTokenHash(tokenHash)).FirstOrDefaultAsync(ct);

    public async Task<EmailChallengeUse> ConsumeAsync(string tokenHash, DateTimeOffset now, CancellationToken ct = default)
    {
        // The filter holds every condition of use, so checking and marking are one operation: of concurrent calls the
        // server lets exactly one match; the others find it used.
        var used = await _challenges.FindOneAndUpdateAsync(Queries.Usable(tokenHash, now), Queries.Use(now),
            new FindOneAndUpdateOptions<EmailChallenge> { ReturnDocument = ReturnDocument.After }, ct);
        if (used is not null)
            return new EmailChallengeUse(true, used);
        // A find-and-modify that changed nothing still waits, under the majority write concern, until every write the
        // primary had applied is majority-committed; so this majority read sees the winner's use.
        return new EmailChallengeUse(false, await GetByTokenHashAsync(tokenHash, ct));
    }

    public async Task<int> DeleteCreatedBeforeAsync(DateTimeOffset before, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        // deleteMany takes no limit or order: read the oldest ids first, then delete those still old enough.
        var ids = await _challenges.Find(Queries.CreatedBefore(before)).Sort(Queries.Oldest()).Limit(max).Project(Queries.IdOnly()).ToListAsync(ct);
        if (ids.Count == 0)
            return 0;
        var result = await _challenges.DeleteManyAsync(Queries.IdsCreatedBefore(ids.Select(d => d["_id"].AsString), before), ct);
        return (int)result.DeletedCount;
    }

    /// <summary>Every filter, sort, projection and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<EmailChallenge> F = Builders<EmailChallenge>.Filter;

        public static FilterDefinition<EmailChallenge> ByTokenHash(string tokenHash) => F.Eq(x => x.TokenHash, tokenHash);

        /// <summary>The address's challenges asked for at or after an instant, used or not.</summary>
        public static FilterDefinition<EmailChallenge> AddressSince(string address, DateTimeOffset since) =>
            F.Eq(x => x.Address, address) & F.Gte(Instant.TicksOf(Created), since.UtcTicks);

        /// <summary>The challenge while unused and before its expiry (the expiry instant itself is too late).</summary>
        public static FilterDefinition<EmailChallenge> Usable(string tokenHash, DateTimeOffset now) =>
            F.Eq(x => x.TokenHash, tokenHash)
            & F.Eq(x => x.UsedAt, null)
            & F.Gt(Instant.TicksOf("expiresAt"), now.UtcTicks);

        public static UpdateDefinition<EmailChallenge> Use(DateTimeOffset now) => Builders<EmailChallenge>.Update.Set(x => x.UsedAt, now);

        public static FilterDefinition<EmailChallenge> CreatedBefore(DateTimeOffset before) => F.Lt(Instant.TicksOf(Created), before.UtcTicks);

        public static SortDefinition<EmailChallenge> Oldest() => MongoPaging.Oldest<EmailChallenge>(Created);

        public static ProjectionDefinition<EmailChallenge, BsonDocument> IdOnly() => Builders<EmailChallenge>.Projection.Include(x => x.Id);

        /// <summary>These challenges, still only when created before the instant (the ids were read a moment earlier).</summary>
        public static FilterDefinition<EmailChallenge> IdsCreatedBefore(IEnumerable<string> ids, DateTimeOffset before) =>
            F.In(x => x.Id, ids) & CreatedBefore(before);
    }
}
