using Engagement.Core.Insights;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>Drift alerts in MongoDB, each with its staff notices in the outbox; a unique index keeps one per subject, metric and day.</summary>
public sealed class MongoDriftAlertStore(MongoStorage db) : IDriftAlertStore
{
    // Computed only inside the listing pipeline and projected away again: the stored alert is the core's record as it is.
    private const string Extremity = "__absZ";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.DriftAlerts, "subject_metric_day", new BsonDocument { { "subject", 1 }, { "subjectId", 1 }, { "metric", 1 }, { "day", 1 } })
        {
            Unique = true,
        },
        new(MongoSchema.Collections.DriftAlerts, "organisation_day", new BsonDocument { { "organisationId", 1 }, { "day", -1 } }),
    ];

    private readonly IMongoCollection<DriftAlert> _alerts = db.Collection<DriftAlert>(MongoSchema.Collections.DriftAlerts);

    public Task<bool> TryAddAsync(DriftAlert alert, IReadOnlyList<Core.Email.EmailMessage> notices, CancellationToken ct = default) =>
        // A second alert for the subject, metric and day breaks the unique index, which rolls the notices back with it.
        db.TryInTransactionAsync(async (s, c) =>
        {
            await _alerts.InsertOneAsync(s, alert, cancellationToken: c);
            await OutboxWrites.AppendAsync(db, s, notices, alert.RaisedAt, c);
            return true;
        }, ct);

    public async Task<DriftAlert?> GetAsync(string id, CancellationToken ct = default) =>
        await _alerts.Find(Queries.ById(id)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<DriftAlert>> ListAsync(string organisationId, int max, CancellationToken ct = default) =>
        max < 1 ? [] : await _alerts.Aggregate(Queries.Newest(organisationId, max), cancellationToken: ct).ToListAsync(ct);

    /// <summary>Every filter and pipeline this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        public static FilterDefinition<DriftAlert> ById(string id) => Builders<DriftAlert>.Filter.Eq(x => x.Id, id);

        /// <summary>The organisation's alerts, newest day first, then the largest move either way, then by id; sorted in the database.</summary>
        public static PipelineDefinition<DriftAlert, DriftAlert> Newest(string organisationId, int max) =>
            new EmptyPipelineDefinition<DriftAlert>()
                .Match(Builders<DriftAlert>.Filter.Eq(x => x.OrganisationId, organisationId))
                .AppendStage<DriftAlert, DriftAlert, DriftAlert>(new BsonDocument("$set", new BsonDocument(Extremity, new BsonDocument("$abs", "$z"))))
                .AppendStage<DriftAlert, DriftAlert, DriftAlert>(new BsonDocument("$sort", new BsonDocument { { "day", -1 }, { Extremity, -1 }, { "_id", 1 } }))
                .Limit(max)
                .AppendStage<DriftAlert, DriftAlert, DriftAlert>(new BsonDocument("$unset", Extremity));
    }
}
