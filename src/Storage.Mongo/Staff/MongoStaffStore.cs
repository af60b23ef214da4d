using Engagement.Core.Staff;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// Staff members in MongoDB, one document each: unique indexes hold the email and the external subject to one member,
/// and the grants array, indexed by organisation, serves the per-organisation list.
/// </summary>
public sealed class MongoStaffStore(MongoStorage db) : IStaffStore
{
    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.Staff, "email", new BsonDocument("email", 1)) { Unique = true },
        // Members who sign in only with a password have no subject stored at all (nulls are not written), so only linked ones are held unique.
        new(MongoSchema.Collections.Staff, "external_subject", new BsonDocument("externalSubject", 1))
        {
            Unique = true,
            PartialFilter = new BsonDocument("externalSubject", new BsonDocument("$exists", true)),
        },
        new(MongoSchema.Collections.Staff, "grant_organisation_email", new BsonDocument { { "grants.organisationId", 1 }, { "email", 1 } }),
    ];

    private readonly IMongoCollection<StaffMember> _staff = db.Collection<StaffMember>(MongoSchema.Collections.Staff);

    // One document: the unique indexes refuse a taken id, email or subject, and nothing is half written.
    public Task<bool> TryAddAsync(StaffMember member, CancellationToken ct = default) =>
        DuplicateKeys.TryInsertAsync(_staff, member, ct);

    public async Task<bool> UpdateAsync(StaffMember member, int expectedVersion, CancellationToken ct = default)
    {
        // The creation time is read apart from the write because it never changes; the replace itself is conditioned on
        // the version, so of two updates from the same version exactly one matches.
        var stored = await _staff.Find(Queries.AtVersion(member.Id, expectedVersion)).FirstOrDefaultAsync(ct);
        if (stored is null)
            return false;
        // A new email or subject held by someone else fails its unique index, and nothing is written.
        return await DuplicateKeys.RefuseAsync(async () =>
            (await _staff.ReplaceOneAsync(Queries.AtVersion(member.Id, expectedVersion), member with { CreatedAt = stored.CreatedAt }, cancellationToken: ct))
            .MatchedCount == 1);
    }

    public async Task<StaffMember?> GetAsync(string id, CancellationToken ct = default) =>
        await _staff.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<StaffMember?> GetByEmailAsync(string email, CancellationToken ct = default) =>
        await _staff.Find(Queries.ByEmail(email)).FirstOrDefaultAsync(ct);

    public async Task<StaffMember?> GetByExternalSubjectAsync(string subject, CancellationToken ct = default) =>
        await _staff.Find(Queries.ByExternalSubject(subject)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<StaffMember>> ListByOrganisationAsync(string organisationId, CancellationToken ct = default) =>
        await _staff.Find(Queries.InOrganisation(organisationId)).Sort(Queries.ByEmailOrder()).ToListAsync(ct);

    public async Task<bool> AnyAsync(CancellationToken ct = default) =>
        await _staff.CountDocumentsAsync(Queries.Everyone(), new CountOptions { Limit = 1 }, ct) > 0;

    /// <summary>Every filter and sort this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<StaffMember> F = Builders<StaffMember>.Filter;

        public static FilterDefinition<StaffMember> ById(string id) => F.Eq(x => x.Id, id);

        /// <summary>The member with this id whose stored version is the expected one.</summary>
        public static FilterDefinition<StaffMember> AtVersion(string id, int expectedVersion) => F.Eq(x => x.Id, id) & F.Eq(x => x.Version, expectedVersion);

        public static FilterDefinition<StaffMember> ByEmail(string email) => F.Eq(x => x.Email, email);

        public static FilterDefinition<StaffMember> ByExternalSubject(string subject) => F.Eq(x => x.ExternalSubject, subject);

        /// <summary>Members with any grant in the organisation; a member with several roles there is one document, so listed once.</summary>
        public static FilterDefinition<StaffMember> InOrganisation(string organisationId) =>
            F.ElemMatch(x => x.Grants, g => g.OrganisationId == organisationId);

        public static SortDefinition<StaffMember> ByEmailOrder() => Builders<StaffMember>.Sort.Ascending(x => x.Email);

        public static FilterDefinition<StaffMember> Everyone() => F.Empty;
    }
}
