using Engagement.Core.Insights;
using Engagement.Core.Screening;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// A text insights have read, kept beside its tag so an organisation's texts are one indexed read; the id is its
/// <see cref="PublicText.Key"/>. <see cref="Changed"/> is the tagger's checkpoint when it was last tagged: the watermark.
/// </summary>
internal sealed record InsightTextDocument(
    string Id, TextKind Kind, string TargetId, string OrganisationId, string Scope, string Language, string Text, SentimentLabel Label, DateTimeOffset At, long Changed)
{
    public PublicText ToPublicText() => new(Kind, TargetId, OrganisationId, Scope, Language, Text, Label, At);
}

/// <summary>
/// The texts insights read (written by <see cref="MongoSentimentFeed"/> with each tag) and each organisation's theme
/// snapshot (one document, its id the organisation's).
/// </summary>
public sealed class MongoThemeStore(MongoStorage db) : IThemeStore
{
    private const string At = "at";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.InsightTexts, "organisation_recent", new BsonDocument { { "organisationId", 1 }, { Instant.TicksOf(At), -1 }, { "targetId", -1 } }),
        new(MongoSchema.Collections.InsightTexts, "organisation_changed", new BsonDocument { { "organisationId", 1 }, { "changed", -1 } }),
    ];

    private readonly IMongoCollection<InsightTextDocument> _texts = db.Collection<InsightTextDocument>(MongoSchema.Collections.InsightTexts);
    private readonly IMongoCollection<ThemeSnapshot> _snapshots = db.Collection<ThemeSnapshot>(MongoSchema.Collections.Themes);

    public async Task<IReadOnlyList<PublicText>> ListRecentTextsAsync(string organisationId, int max, CancellationToken ct = default)
    {
        if (max < 1)
            return [];
        var found = await _texts.Find(Queries.OfOrganisation(organisationId)).Sort(Queries.Newest()).Limit(max).ToListAsync(ct);
        return found.Select(x => x.ToPublicText()).ToList();
    }

    public async Task<long> WatermarkAsync(string organisationId, CancellationToken ct = default)
    {
        var latest = await _texts.Aggregate(Queries.Watermark(organisationId), cancellationToken: ct).FirstOrDefaultAsync(ct);
        return latest?["changed"].ToInt64() ?? 0L;
    }

    public async Task<IReadOnlyList<PublicText>> GetTextsAsync(string organisationId, IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        if (keys.Count == 0)
            return [];
        var found = await _texts.Find(Queries.ByKeys(organisationId, keys)).ToListAsync(ct);
        return found.Select(x => x.ToPublicText()).ToList();
    }

    public Task SaveAsync(ThemeSnapshot snapshot, CancellationToken ct = default) =>
        _snapshots.ReplaceOneAsync(Queries.Snapshot(snapshot.OrganisationId), snapshot, new ReplaceOptions { IsUpsert = true }, ct);

    public async Task<ThemeSnapshot?> GetAsync(string organisationId, CancellationToken ct = default) =>
        await _snapshots.Find(Queries.Snapshot(organisationId)).FirstOrDefaultAsync(ct);

    /// <summary>Every filter, sort and pipeline this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<InsightTextDocument> F = Builders<InsightTextDocument>.Filter;

        public static FilterDefinition<InsightTextDocument> OfOrganisation(string organisationId) => F.Eq(x => x.OrganisationId, organisationId);

        /// <summary>Newest written first, ties by record id descending, as every adapter lists them.</summary>
        public static SortDefinition<InsightTextDocument> Newest() =>
            Builders<InsightTextDocument>.Sort.Descending(Instant.TicksOf(At)).Descending(x => x.TargetId);

        /// <summary>The organisation's highest change mark, read off the index's top entry in the database.</summary>
        public static PipelineDefinition<InsightTextDocument, BsonDocument> Watermark(string organisationId) =>
            new EmptyPipelineDefinition<InsightTextDocument>()
                .Match(OfOrganisation(organisationId))
                .Sort(Builders<InsightTextDocument>.Sort.Descending(x => x.Changed))
                .Limit(1)
                .Project(Builders<InsightTextDocument>.Projection.Include(x => x.Changed).Exclude(x => x.Id));

        /// <summary>The organisation's texts with these keys; a key is only ever an id value, whatever it holds.</summary>
        public static FilterDefinition<InsightTextDocument> ByKeys(string organisationId, IEnumerable<string> keys) =>
            OfOrganisation(organisationId) & F.In(x => x.Id, keys.Distinct(StringComparer.Ordinal));

        public static FilterDefinition<ThemeSnapshot> Snapshot(string organisationId) => Builders<ThemeSnapshot>.Filter.Eq(x => x.OrganisationId, organisationId);
    }
}
