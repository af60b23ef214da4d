using Engagement.Core.Participants;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// One token a participant is known by, the hash being the id: the first token and every one added later live here,
/// so a single unique key holds a hash to one participant, whichever way it came.
/// </summary>
internal sealed record ParticipantTokenDocument(string Id, string ParticipantId, DateTimeOffset CreatedAt);

/// <summary>
/// Participants in MongoDB. Token hashes are claimed in their own collection (id = hash) in the same transaction as the
/// participant they point to; a unique index on the email holds an address to one participant.
/// </summary>
public sealed class MongoParticipantStore(MongoStorage db) : IParticipantStore
{
    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        // Only participants with an email are held to it: many anonymous ones have none.
        new(MongoSchema.Collections.Participants, "email", new BsonDocument("email", 1))
        {
            Unique = true,
            PartialFilter = new BsonDocument("email", new BsonDocument("$exists", true)),
        },
    ];

    private readonly IMongoCollection<Participant> _participants = db.Collection<Participant>(MongoSchema.Collections.Participants);
    private readonly IMongoCollection<ParticipantTokenDocument> _tokens = db.Collection<ParticipantTokenDocument>(MongoSchema.Collections.ParticipantTokens);

    public Task<bool> TryAddAsync(Participant participant, CancellationToken ct = default) =>
        // A taken id, email or token hash is a duplicate key, and the transaction takes back whichever insert went first.
        db.TryInTransactionAsync(async (s, c) =>
        {
            await _participants.InsertOneAsync(s, participant, cancellationToken: c);
            if (participant.TokenHash is { } hash)
                await _tokens.InsertOneAsync(s, new ParticipantTokenDocument(hash, participant.Id, participant.CreatedAt), cancellationToken: c);
            return true;
        }, ct);

    public async Task<Participant?> GetAsync(string id, CancellationToken ct = default) =>
        await _participants.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<Participant?> GetByTokenHashAsync(string tokenHash, CancellationToken ct = default)
    {
        // The claim commits with its participant (or after it, for an added token), so a visible claim finds its participant.
        var token = await _tokens.Find(Queries.Token(tokenHash)).FirstOrDefaultAsync(ct);
        return token is null ? null : await GetAsync(token.ParticipantId, ct);
    }

    public async Task<Participant?> GetByEmailAsync(string email, CancellationToken ct = default) =>
        await _participants.Find(Queries.ByEmail(email)).FirstOrDefaultAsync(ct);

    public Task<bool> TryVerifyEmailAsync(string participantId, string email, DateTimeOffset at, CancellationToken ct = default) =>
        // One atomic update: it matches only a participant without an email, and the unique index refuses an address
        // another participant holds (of concurrent claims on one address, the first to write it wins).
        DuplicateKeys.RefuseAsync(async () =>
        {
            var result = await _participants.UpdateOneAsync(Queries.WithoutEmail(participantId), Queries.VerifyEmail(email, at), cancellationToken: ct);
            return result.ModifiedCount == 1;
        });

    public Task<bool> TryAddTokenAsync(string participantId, string tokenHash, DateTimeOffset at, CancellationToken ct = default) =>
        db.TryInTransactionAsync(async (s, c) =>
        {
            // Participants are never deleted, so one that exists now still exists when the claim commits.
            if (await _participants.CountDocumentsAsync(s, Queries.ById(participantId), new CountOptions { Limit = 1 }, c) == 0)
                return false;
            await _tokens.InsertOneAsync(s, new ParticipantTokenDocument(tokenHash, participantId, at), cancellationToken: c);
            return true;
        }, ct);

    /// <summary>Every filter and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<Participant> F = Builders<Participant>.Filter;

        public static FilterDefinition<Participant> ById(string id) => F.Eq(x => x.Id, id);

        /// <summary>Compared as stored: callers normalise (lower-case) the address first.</summary>
        public static FilterDefinition<Participant> ByEmail(string email) => F.Eq(x => x.Email, email);

        public static FilterDefinition<ParticipantTokenDocument> Token(string tokenHash) =>
            Builders<ParticipantTokenDocument>.Filter.Eq(x => x.Id, tokenHash);

        /// <summary>The participant while it has no email (nulls are not stored, and null matches a missing field).</summary>
        public static FilterDefinition<Participant> WithoutEmail(string participantId) =>
            F.Eq(x => x.Id, participantId) & F.Eq(x => x.Email, null);

        public static UpdateDefinition<Participant> VerifyEmail(string email, DateTimeOffset at) =>
            Builders<Participant>.Update
                .Set(x => x.Kind, ParticipantKind.VerifiedEmail)
                .Set(x => x.Email, email)
                .Set(x => x.EmailVerifiedAt, at);
    }
}
