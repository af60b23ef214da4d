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
    private const string Expires = "expiresAt";
    private const string Used = "usedAt";

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
        // A taken id or token hash is a duplicate key, and an email id already in the outbox stores nothing new: either way
        // the transaction rolls back and neither is kept.
        db.TryInTransactionAsync(async (s, c) =>
        {
            await _challenges.InsertOneAsync(s, challenge, cancellationToken: c);
            return email is null || await OutboxWrites.AppendAsync(db, s, [email], challenge.CreatedAt, c) == 1;
        }, ct);

    public async Task<int> CountSinceAsync(string address, DateTimeOffset since, CancellationToken ct = default) =>
        (int)await _challenges.CountDocumentsAsync(Queries.AddressSince(address, since), cancellationToken: ct);

    public async Task<EmailChallenge?> GetByTokenHashAsync(string tokenHash, CancellationToken ct = default) =>
        await _challenges.Find(Queries.ByTokenHash(tokenHash)).FirstOrDefaultAsync(ct);

    public async Task<EmailChallengeUse> ConsumeAsync(string tokenHash, DateTimeOffset now, CancellationToken ct = default)
    {
        // One atomic find-and-modify sets the use only when the link is usable, and returns the link as this very
        // operation found it: of concurrent calls exactly one finds it usable, and every other finds the winner's use.
        var before = await _challenges.FindOneAndUpdateAsync(Queries.ByTokenHash(tokenHash), Queries.UseIfUsable(now),
            new FindOneAndUpdateOptions<EmailChallenge> { ReturnDocument = ReturnDocument.Before }, ct);
        if (before is null)
            return new EmailChallengeUse(false, null);
        // The same test the update made on the server: unused, and the expiry instant itself is too late.
        return before.StateAt(now) == EmailChallengeState.Usable
            ? new EmailChallengeUse(true, before with { UsedAt = now })
            : new EmailChallengeUse(false, before);
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

        /// <summary>
        /// Sets the use at <paramref name="now"/> when the link is unused (the field missing or null) and expires after
        /// now, and otherwise leaves the field as it is (a missing one stays missing): an update pipeline, so the test and
        /// the write are one step on the server.
        /// </summary>
        public static UpdateDefinition<EmailChallenge> UseIfUsable(DateTimeOffset now)
        {
            var usable = new BsonDocument("$and", new BsonArray
            {
                new BsonDocument("$eq", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$" + Used, BsonNull.Value }), BsonNull.Value }),
                new BsonDocument("$gt", new BsonArray { "$" + Instant.TicksOf(Expires), now.UtcTicks }),
            });
            var used = new BsonDocument("$cond", new BsonDocument
            {
                { "if", usable },
                // $literal: the instant is a value, never read as an expression.
                { "then", new BsonDocument("$literal", now.ToBsonDocument()) },
                { "else", "$" + Used },
            });
            return Builders<EmailChallenge>.Update.Pipeline(new BsonDocument[] { new("$set", new BsonDocument(Used, used)) });
        }

        public static FilterDefinition<EmailChallenge> CreatedBefore(DateTimeOffset before) => F.Lt(Instant.TicksOf(Created), before.UtcTicks);

        public static SortDefinition<EmailChallenge> Oldest() => MongoPaging.Oldest<EmailChallenge>(Created);

        public static ProjectionDefinition<EmailChallenge, BsonDocument> IdOnly() => Builders<EmailChallenge>.Projection.Include(x => x.Id);

        /// <summary>These challenges, still only when created before the instant (the ids were read a moment earlier).</summary>
        public static FilterDefinition<EmailChallenge> IdsCreatedBefore(IEnumerable<string> ids, DateTimeOffset before) =>
            F.In(x => x.Id, ids) & CreatedBefore(before);
    }
}
