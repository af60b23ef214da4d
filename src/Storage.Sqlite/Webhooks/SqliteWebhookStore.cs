using Engagement.Core.Webhooks;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>Webhook endpoints (versioned documents) and their deliveries in SQLite; the fan-out checkpoint is a row of checkpoints.</summary>
public sealed class SqliteWebhookStore(SqliteDatabase db) : IWebhookStore
{
    private const string Checkpoint = "webhooks";

    public Task<bool> TryAddEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => tx.Command("""
                INSERT INTO webhook_endpoints (id, organisation_id, created_ticks, version, doc) VALUES (@id, @organisation_id, @created_ticks, @version, @doc)
                ON CONFLICT (id) DO NOTHING
                """)
            .With("@id", endpoint.Id).With("@organisation_id", endpoint.OrganisationId).With("@created_ticks", endpoint.CreatedAt.Ticks())
            .With("@version", endpoint.Version).With("@doc", StorageJson.Serialize(endpoint)).Run() == 1, ct);

    public Task<WebhookEndpoint?> GetEndpointAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM webhook_endpoints WHERE id = @id").With("@id", id).ReadDoc<WebhookEndpoint>(), ct);

    public Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(string organisationId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<WebhookEndpoint>>(c => c.Command(
                "SELECT doc FROM webhook_endpoints WHERE organisation_id = @organisation_id ORDER BY created_ticks, id")
            .With("@organisation_id", organisationId).ReadDocs<WebhookEndpoint>(), ct);

    public Task<bool> TryUpdateEndpointAsync(WebhookEndpoint endpoint, int expectedVersion, CancellationToken ct = default) =>
        db.TryWriteAsync(tx =>
        {
            var stored = tx.Command("SELECT doc FROM webhook_endpoints WHERE id = @id AND version = @expected")
                .With("@id", endpoint.Id).With("@expected", expectedVersion).ReadDoc<WebhookEndpoint>();
            if (stored is null)
                return false;
            // Owner, secret and creation stay as stored, whatever the caller passed.
            var updated = endpoint with { OrganisationId = stored.OrganisationId, Secret = stored.Secret, CreatedAt = stored.CreatedAt };
            return tx.Command("UPDATE webhook_endpoints SET version = @version, doc = @doc WHERE id = @id")
                .With("@id", endpoint.Id).With("@version", updated.Version).With("@doc", StorageJson.Serialize(updated)).Run() == 1;
        }, ct);

    public Task<bool> DeleteEndpointAsync(string id, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            tx.Command("DELETE FROM webhook_deliveries WHERE endpoint_id = @id").With("@id", id).Run();
            return tx.Command("DELETE FROM webhook_endpoints WHERE id = @id").With("@id", id).Run() == 1;
        }, ct);

    public Task<long> GetFanOutCheckpointAsync(CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT value FROM checkpoints WHERE name = @name").With("@name", Checkpoint).ExecuteScalar() is long value ? value : 0L, ct);

    public Task<int> AddDeliveriesAsync(IReadOnlyList<WebhookDelivery> deliveries, long checkpoint, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            var added = 0;
            foreach (var delivery in deliveries)
            {
                added += tx.Command("""
                        INSERT INTO webhook_deliveries (id, endpoint_id, sequence, status, next_attempt_ticks, created_ticks, doc)
                        VALUES (@id, @endpoint_id, @sequence, @status, @next, @created, @doc)
                        ON CONFLICT (id) DO NOTHING
                        """)
                    .With("@id", delivery.Id).With("@endpoint_id", delivery.EndpointId).With("@sequence", delivery.EventSequence)
                    .With("@status", delivery.Status.ToString()).With("@next", delivery.NextAttemptAt.Ticks()).With("@created", delivery.CreatedAt.Ticks())
                    .With("@doc", StorageJson.Serialize(delivery)).Run();
            }
            tx.Command("INSERT INTO checkpoints (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)")
                .With("@name", Checkpoint).With("@value", checkpoint).Run();
            return added;
        }, ct);

    public Task<IReadOnlyList<WebhookDelivery>> TakeDueAsync(DateTimeOffset now, DateTimeOffset holdUntil, int max, CancellationToken ct = default) =>
        db.WriteAsync<IReadOnlyList<WebhookDelivery>>(tx =>
        {
            // One writer at a time: what is read here is still due when the hold is written.
            var due = tx.Command("""
                    SELECT doc FROM webhook_deliveries WHERE status = 'Pending' AND next_attempt_ticks <= @now ORDER BY next_attempt_ticks, id LIMIT @max
                    """).With("@now", now.Ticks()).With("@max", max).ReadDocs<WebhookDelivery>();
            var held = due.Select(d => d with { NextAttemptAt = holdUntil }).ToList();
            foreach (var delivery in held)
                Write(tx, delivery);
            return held;
        }, ct);

    public Task MarkDeliveredAsync(string id, DateTimeOffset at, int statusCode, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            if (Read(tx, id) is { Status: WebhookDeliveryStatus.Pending } delivery)
            {
                Write(tx, delivery with
                {
                    Status = WebhookDeliveryStatus.Delivered, Attempts = delivery.Attempts + 1, DeliveredAt = at, LastStatusCode = statusCode, LastError = null,
                });
            }
            return true;
        }, ct);

    public Task MarkFailedAsync(string id, string error, int? statusCode, DateTimeOffset? retryAt, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            if (Read(tx, id) is { Status: WebhookDeliveryStatus.Pending } delivery)
            {
                Write(tx, delivery with
                {
                    Status = retryAt is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending,
                    Attempts = delivery.Attempts + 1,
                    NextAttemptAt = retryAt ?? delivery.NextAttemptAt,
                    LastError = error,
                    LastStatusCode = statusCode,
                });
            }
            return true;
        }, ct);

    public Task<WebhookDelivery?> GetDeliveryAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM webhook_deliveries WHERE id = @id").With("@id", id).ReadDoc<WebhookDelivery>(), ct);

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string endpointId, WebhookDeliveryStatus? status, int max, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<WebhookDelivery>>(c => c.Command(status is null
                ? "SELECT doc FROM webhook_deliveries WHERE endpoint_id = @endpoint_id ORDER BY created_ticks DESC, sequence DESC LIMIT @max"
                : "SELECT doc FROM webhook_deliveries WHERE endpoint_id = @endpoint_id AND status = @status ORDER BY created_ticks DESC, sequence DESC LIMIT @max")
            .With("@endpoint_id", endpointId).With("@status", status?.ToString()).With("@max", max).ReadDocs<WebhookDelivery>(), ct);

    public Task<WebhookDelivery?> RequeueAsync(string id, DateTimeOffset now, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            if (Read(tx, id) is not { Status: WebhookDeliveryStatus.Failed } delivery)
                return null;
            var requeued = delivery with { Status = WebhookDeliveryStatus.Pending, Attempts = 0, NextAttemptAt = now };
            Write(tx, requeued);
            return requeued;
        }, ct);

    private static WebhookDelivery? Read(SqliteTransaction tx, string id) =>
        tx.Command("SELECT doc FROM webhook_deliveries WHERE id = @id").With("@id", id).ReadDoc<WebhookDelivery>();

    private static void Write(SqliteTransaction tx, WebhookDelivery delivery) =>
        tx.Command("UPDATE webhook_deliveries SET status = @status, next_attempt_ticks = @next, doc = @doc WHERE id = @id")
            .With("@id", delivery.Id).With("@status", delivery.Status.ToString()).With("@next", delivery.NextAttemptAt.Ticks())
            .With("@doc", StorageJson.Serialize(delivery)).Run();

    public Task<int> DeleteFinishedBeforeAsync(DateTimeOffset before, int max, CancellationToken ct = default) =>
        db.WriteAsync(tx => tx.Command("""
                DELETE FROM webhook_deliveries WHERE id IN (
                    SELECT id FROM webhook_deliveries WHERE status IN ('Delivered', 'Failed') AND created_ticks < @before ORDER BY created_ticks LIMIT @max)
                """).With("@before", before.Ticks()).With("@max", max).Run(), ct);
}
