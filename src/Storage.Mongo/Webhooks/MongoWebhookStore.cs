using Engagement.Core.Webhooks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>A named position in an event feed, moved only forward; the webhook fan-out's is the one named <see cref="MongoWebhookStore.FanOut"/>.</summary>
internal sealed record FanOutCheckpointDocument(string Id, long Value);

/// <summary>
/// Webhook endpoints (versioned documents) and their deliveries in MongoDB; the fan-out checkpoint is a document of the
/// checkpoints collection, written in the same transaction as the deliveries it covers.
/// </summary>
public sealed class MongoWebhookStore(MongoStorage db) : IWebhookStore
{
    internal const string FanOut = "webhooks";

    private const string Created = "createdAt";
    private const string NextAttempt = "nextAttemptAt";

    internal static readonly IReadOnlyList<MongoIndex> Indexes =
    [
        new(MongoSchema.Collections.WebhookEndpoints, "organisation_oldest", MongoPaging.Keys(Created, "organisationId")),
        new(MongoSchema.Collections.WebhookDeliveries, "due", new BsonDocument { { "status", 1 }, { Instant.TicksOf(NextAttempt), 1 }, { "_id", 1 } }),
        new(MongoSchema.Collections.WebhookDeliveries, "endpoint_newest",
            new BsonDocument { { "endpointId", 1 }, { Instant.TicksOf(Created), -1 }, { "eventSequence", -1 } }),
        new(MongoSchema.Collections.WebhookDeliveries, "endpoint_status_newest",
            new BsonDocument { { "endpointId", 1 }, { "status", 1 }, { Instant.TicksOf(Created), -1 }, { "eventSequence", -1 } }),
        new(MongoSchema.Collections.WebhookDeliveries, "status_created", new BsonDocument { { "status", 1 }, { Instant.TicksOf(Created), 1 } }),
    ];

    private readonly IMongoCollection<WebhookEndpoint> _endpoints = db.Collection<WebhookEndpoint>(MongoSchema.Collections.WebhookEndpoints);
    private readonly IMongoCollection<WebhookDelivery> _deliveries = db.Collection<WebhookDelivery>(MongoSchema.Collections.WebhookDeliveries);
    private readonly IMongoCollection<FanOutCheckpointDocument> _checkpoints = db.Collection<FanOutCheckpointDocument>(MongoSchema.Collections.Checkpoints);

    public Task<bool> TryAddEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct = default) =>
        DuplicateKeys.TryInsertAsync(_endpoints, endpoint, ct);

    public async Task<WebhookEndpoint?> GetEndpointAsync(string id, CancellationToken ct = default) =>
        await _endpoints.Find(Queries.EndpointById(id)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(string organisationId, CancellationToken ct = default) =>
        await _endpoints.Find(Queries.EndpointsOf(organisationId)).Sort(Queries.OldestEndpoints()).ToListAsync(ct);

    // The version check and the write are one atomic update; only the settings are in it, so owner, secret and creation stay as stored.
    public async Task<bool> TryUpdateEndpointAsync(WebhookEndpoint endpoint, int expectedVersion, CancellationToken ct = default) =>
        (await _endpoints.UpdateOneAsync(Queries.EndpointAtVersion(endpoint.Id, expectedVersion), Queries.SetEndpointSettings(endpoint), cancellationToken: ct))
        .MatchedCount == 1;

    public Task<bool> DeleteEndpointAsync(string id, CancellationToken ct = default) =>
        db.InTransactionAsync(async (s, c) =>
        {
            await _deliveries.DeleteManyAsync(s, Queries.DeliveriesOf(id, null), cancellationToken: c);
            return (await _endpoints.DeleteOneAsync(s, Queries.EndpointById(id), cancellationToken: c)).DeletedCount == 1;
        }, ct);

    public async Task<long> GetFanOutCheckpointAsync(CancellationToken ct = default) =>
        (await _checkpoints.Find(Queries.Checkpoint(FanOut)).FirstOrDefaultAsync(ct))?.Value ?? 0L;

    public Task<int> AddDeliveriesAsync(IReadOnlyList<WebhookDelivery> deliveries, long checkpoint, CancellationToken ct = default) =>
        db.InTransactionAsync(async (s, c) =>
        {
            // Each delivery is an insert-only upsert on its id, so a repeated fan-out adds nothing. Every fan-out writes the
            // checkpoint document, so two racing ones conflict there and one is retried after the other commits: it then
            // finds the deliveries stored, and $max keeps the larger checkpoint.
            var added = 0;
            if (deliveries.Count > 0)
            {
                var result = await _deliveries.BulkWriteAsync(s, deliveries.Select(Queries.InsertIfAbsent), new BulkWriteOptions { IsOrdered = true }, c);
                added = result.Upserts.Count;
            }
            await _checkpoints.UpdateOneAsync(s, Queries.Checkpoint(FanOut), Queries.MoveForward(checkpoint), new UpdateOptions { IsUpsert = true }, c);
            return added;
        }, ct);

    public async Task<IReadOnlyList<WebhookDelivery>> TakeDueAsync(DateTimeOffset now, DateTimeOffset holdUntil, int max, CancellationToken ct = default)
    {
        // A delivery taken is due no more (its next attempt is the hold's end), which is what stops this loop taking it twice.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(holdUntil, now);
        var taken = new List<WebhookDelivery>();
        var options = new FindOneAndUpdateOptions<WebhookDelivery> { Sort = Queries.DueOrder(), ReturnDocument = ReturnDocument.After };
        // One atomic find-and-modify per delivery, with "pending and due" in its filter: two dispatchers never take the same
        // one, since the second finds it no longer due.
        while (taken.Count < max)
        {
            var next = await _deliveries.FindOneAndUpdateAsync(Queries.Due(now), Queries.Hold(holdUntil), options, ct);
            if (next is null)
                break;
            taken.Add(next);
        }
        return taken;
    }

    public Task MarkDeliveredAsync(string id, DateTimeOffset at, int statusCode, CancellationToken ct = default) =>
        _deliveries.UpdateOneAsync(Queries.PendingDelivery(id), Queries.Delivered(at, statusCode), cancellationToken: ct);

    public Task MarkFailedAsync(string id, string error, int? statusCode, DateTimeOffset? retryAt, CancellationToken ct = default) =>
        _deliveries.UpdateOneAsync(Queries.PendingDelivery(id), Queries.Failed(error, statusCode, retryAt), cancellationToken: ct);

    public async Task<WebhookDelivery?> GetDeliveryAsync(string id, CancellationToken ct = default) =>
        await _deliveries.Find(Queries.DeliveryById(id)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string endpointId, WebhookDeliveryStatus? status, int max, CancellationToken ct = default)
    {
        // A limit of 0 means "no limit" to the server; asking for none gets none, as in every adapter.
        if (max < 1)
            return [];
        return await _deliveries.Find(Queries.DeliveriesOf(endpointId, status)).Sort(Queries.NewestDeliveries()).Limit(max).ToListAsync(ct);
    }

    // "Failed" is in the atomic update's filter: a delivery requeued once is pending, and a second requeue finds nothing.
    public async Task<WebhookDelivery?> RequeueAsync(string id, DateTimeOffset now, CancellationToken ct = default) =>
        await _deliveries.FindOneAndUpdateAsync(Queries.FailedDelivery(id), Queries.Requeue(now),
            new FindOneAndUpdateOptions<WebhookDelivery> { ReturnDocument = ReturnDocument.After }, ct);

    public async Task<int> DeleteFinishedBeforeAsync(DateTimeOffset before, int max, CancellationToken ct = default)
    {
        if (max < 1)
            return 0;
        var ids = await _deliveries.Find(Queries.FinishedBefore(before)).Sort(Queries.OldestCreated()).Limit(max).Project(Queries.IdOnly()).ToListAsync(ct);
        if (ids.Count == 0)
            return 0;
        // The delete repeats the "finished" condition: a delivery requeued since it was read is pending again and stays.
        var deleted = await _deliveries.DeleteManyAsync(Queries.FinishedAmong(ids.Select(x => x["_id"].AsString)), ct);
        return (int)deleted.DeletedCount;
    }

    /// <summary>Every filter, sort, update, projection and write model this store sends; the offline tests render each.</summary>
    internal static class Queries
    {
        private static readonly FilterDefinitionBuilder<WebhookEndpoint> E = Builders<WebhookEndpoint>.Filter;
        private static readonly FilterDefinitionBuilder<WebhookDelivery> D = Builders<WebhookDelivery>.Filter;
        private static readonly UpdateDefinitionBuilder<WebhookDelivery> U = Builders<WebhookDelivery>.Update;

        private static readonly WebhookDeliveryStatus[] Finished = [WebhookDeliveryStatus.Delivered, WebhookDeliveryStatus.Failed];

        public static FilterDefinition<WebhookEndpoint> EndpointById(string id) => E.Eq(x => x.Id, id);

        public static FilterDefinition<WebhookEndpoint> EndpointAtVersion(string id, int expectedVersion) =>
            E.Eq(x => x.Id, id) & E.Eq(x => x.Version, expectedVersion);

        public static FilterDefinition<WebhookEndpoint> EndpointsOf(string organisationId) => E.Eq(x => x.OrganisationId, organisationId);

        public static SortDefinition<WebhookEndpoint> OldestEndpoints() => MongoPaging.Oldest<WebhookEndpoint>(Created);

        /// <summary>The endpoint's settings and version; a description set to null is removed, as a new endpoint would not store it.</summary>
        public static UpdateDefinition<WebhookEndpoint> SetEndpointSettings(WebhookEndpoint endpoint)
        {
            var u = Builders<WebhookEndpoint>.Update;
            return u.Combine(
                u.Set(x => x.Url, endpoint.Url),
                u.Set(x => x.Events, endpoint.Events),
                endpoint.Description is null ? u.Unset(x => x.Description) : u.Set(x => x.Description, endpoint.Description),
                u.Set(x => x.Enabled, endpoint.Enabled),
                u.Set(x => x.UpdatedAt, endpoint.UpdatedAt),
                u.Set(x => x.Version, endpoint.Version));
        }

        public static FilterDefinition<FanOutCheckpointDocument> Checkpoint(string name) => Builders<FanOutCheckpointDocument>.Filter.Eq(x => x.Id, name);

        /// <summary>The checkpoint at the larger of its value and this one, created at this one when missing.</summary>
        public static UpdateDefinition<FanOutCheckpointDocument> MoveForward(long checkpoint) => Builders<FanOutCheckpointDocument>.Update.Max(x => x.Value, checkpoint);

        /// <summary>An upsert that only ever inserts: the whole delivery goes in $setOnInsert, so a stored one is untouched.</summary>
        public static UpdateOneModel<WebhookDelivery> InsertIfAbsent(WebhookDelivery delivery) => Upserts.InsertIfAbsent(delivery, delivery.Id);

        public static FilterDefinition<WebhookDelivery> DeliveryById(string id) => D.Eq(x => x.Id, id);

        /// <summary>Pending deliveries whose next attempt is due at the instant.</summary>
        public static FilterDefinition<WebhookDelivery> Due(DateTimeOffset now) =>
            D.Eq(x => x.Status, WebhookDeliveryStatus.Pending) & D.Lte(Instant.TicksOf(NextAttempt), now.UtcTicks);

        /// <summary>Oldest due first, then by id.</summary>
        public static SortDefinition<WebhookDelivery> DueOrder() => Builders<WebhookDelivery>.Sort.Ascending(Instant.TicksOf(NextAttempt)).Ascending(x => x.Id);

        /// <summary>A hold: the delivery is next due when it ends.</summary>
        public static UpdateDefinition<WebhookDelivery> Hold(DateTimeOffset holdUntil) => U.Set(x => x.NextAttemptAt, holdUntil);

        public static FilterDefinition<WebhookDelivery> PendingDelivery(string id) => D.Eq(x => x.Id, id) & D.Eq(x => x.Status, WebhookDeliveryStatus.Pending);

        public static FilterDefinition<WebhookDelivery> FailedDelivery(string id) => D.Eq(x => x.Id, id) & D.Eq(x => x.Status, WebhookDeliveryStatus.Failed);

        /// <summary>A try the receiver accepted: one more attempt, the time and the answer; no error any more.</summary>
        public static UpdateDefinition<WebhookDelivery> Delivered(DateTimeOffset at, int statusCode) =>
            U.Set(x => x.Status, WebhookDeliveryStatus.Delivered)
                .Inc(x => x.Attempts, 1)
                .Set(x => x.DeliveredAt, at)
                .Set(x => x.LastStatusCode, statusCode)
                .Unset(x => x.LastError);

        /// <summary>A failed try: one more attempt and its error; pending again from the retry time, or failed for good without one.</summary>
        public static UpdateDefinition<WebhookDelivery> Failed(string error, int? statusCode, DateTimeOffset? retryAt)
        {
            var update = U.Set(x => x.Status, retryAt is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending)
                .Inc(x => x.Attempts, 1)
                .Set(x => x.LastError, error);
            update = statusCode is { } code ? update.Set(x => x.LastStatusCode, code) : update.Unset(x => x.LastStatusCode);
            return retryAt is { } retry ? update.Set(x => x.NextAttemptAt, retry) : update;
        }

        /// <summary>Pending again, due now, attempts counted from zero; the last error and status code stay for the admin to read.</summary>
        public static UpdateDefinition<WebhookDelivery> Requeue(DateTimeOffset now) =>
            U.Set(x => x.Status, WebhookDeliveryStatus.Pending).Set(x => x.Attempts, 0).Set(x => x.NextAttemptAt, now);

        public static FilterDefinition<WebhookDelivery> DeliveriesOf(string endpointId, WebhookDeliveryStatus? status)
        {
            var filter = D.Eq(x => x.EndpointId, endpointId);
            return status is { } s ? filter & D.Eq(x => x.Status, s) : filter;
        }

        /// <summary>Newest first by creation instant, then by event sequence.</summary>
        public static SortDefinition<WebhookDelivery> NewestDeliveries() =>
            Builders<WebhookDelivery>.Sort.Descending(Instant.TicksOf(Created)).Descending(x => x.EventSequence);

        /// <summary>Delivered or failed deliveries created before the instant; pending ones never.</summary>
        public static FilterDefinition<WebhookDelivery> FinishedBefore(DateTimeOffset before) =>
            D.In(x => x.Status, Finished) & D.Lt(Instant.TicksOf(Created), before.UtcTicks);

        public static SortDefinition<WebhookDelivery> OldestCreated() => Builders<WebhookDelivery>.Sort.Ascending(Instant.TicksOf(Created));

        /// <summary>Only the id, so choosing what to delete never reads the payloads.</summary>
        public static ProjectionDefinition<WebhookDelivery> IdOnly() => Builders<WebhookDelivery>.Projection.Include(x => x.Id);

        public static FilterDefinition<WebhookDelivery> FinishedAmong(IEnumerable<string> ids) => D.In(x => x.Id, ids) & D.In(x => x.Status, Finished);
    }
}
