using Engagement.Core.Audit;
using Engagement.Core.Common;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>The audit trail in MongoDB: written only by inserts, so an entry once written is never changed.</summary>
public sealed class MongoAuditLog(MongoStorage db) : IAuditLog
{
    private const string At = "at";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.Audit, "organisation", MongoPaging.Keys(At, "organisationId")),
        new(MongoSchema.Collections.Audit, "organisation_target", MongoPaging.Keys(At, "organisationId", "targetId")),
        new(MongoSchema.Collections.Audit, "organisation_action",
            new BsonDocument { { "organisationId", 1 }, { "action", 1 }, { Instant.TicksOf(At), 1 } }),
    ];

    private readonly IMongoCollection<AuditEntry> _entries = db.Collection<AuditEntry>(MongoSchema.Collections.Audit);

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        // A retried append (same id) matches the stored entry and $setOnInsert leaves it as it was: never a second line, never an overwrite.
        // The same entry appended twice at once is refused as a duplicate key: the other insert won, and the entry is stored once, as asked.
        var (filter, update) = Queries.InsertIfAbsent(entry);
        await DuplicateKeys.RefuseAsync(async () =>
        {
            await _entries.UpdateOneAsync(filter, update, new UpdateOptions { IsUpsert = true }, ct);
            return true;
        });
    }

    public async Task<Page<AuditEntry>> ListAsync(string organisationId, string? targetId, PageRequest page, CancellationToken ct = default)
    {
        var rows = await _entries.Find(Queries.Page(organisationId, targetId, page)).Sort(Queries.Oldest()).Limit(MongoPaging.Take(page)).ToListAsync(ct);
        return MongoPaging.ToPage(rows, page, x => PageCursor.Of(x.At, x.Id));
    }

    public async Task<int> CountAsync(string organisationId, string action, DateTimeOffset since, CancellationToken ct = default) =>
        (int)await _entries.CountDocumentsAsync(Queries.WithActionSince(organisationId, action, since), cancellationToken: ct);

    /// <summary>Every filter, sort and update this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<AuditEntry> F = Builders<AuditEntry>.Filter;

        /// <summary>An upsert that only ever inserts: the whole entry goes in $setOnInsert, so a stored one is untouched.</summary>
        public static (FilterDefinition<AuditEntry> Filter, UpdateDefinition<AuditEntry> Update) InsertIfAbsent(AuditEntry entry)
        {
            var upsert = Upserts.InsertIfAbsent(entry, entry.Id);
            return (upsert.Filter, upsert.Update);
        }

        /// <summary>The organisation's entries, optionally about one target, after the page's cursor.</summary>
        public static FilterDefinition<AuditEntry> Page(string organisationId, string? targetId, PageRequest page)
        {
            var filter = F.Eq(x => x.OrganisationId, organisationId);
            if (targetId is not null)
                filter &= F.Eq(x => x.TargetId, targetId);
            return filter & MongoPaging.After<AuditEntry>(At, page);
        }

        public static SortDefinition<AuditEntry> Oldest() => MongoPaging.Oldest<AuditEntry>(At);

        /// <summary>The organisation's entries with the action written at or after the instant.</summary>
        public static FilterDefinition<AuditEntry> WithActionSince(string organisationId, string action, DateTimeOffset since) =>
            F.Eq(x => x.OrganisationId, organisationId) & F.Eq(x => x.Action, action) & F.Gte(Instant.TicksOf(At), since.UtcTicks);
    }
}
