using System.Globalization;
using Engagement.Core.Insights;

namespace Engagement.Storage.Sqlite;

/// <summary>Drift alerts in SQLite, each with its staff notices in the outbox; a unique index keeps one per subject, metric and day.</summary>
public sealed class SqliteDriftAlertStore(SqliteDatabase db) : IDriftAlertStore
{
    public Task<bool> TryAddAsync(DriftAlert alert, IReadOnlyList<Core.Email.EmailMessage> notices, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            var added = tx.Command("""
                INSERT INTO drift_alerts (id, organisation_id, subject, subject_id, metric, day, z, doc)
                VALUES (@id, @organisation_id, @subject, @subject_id, @metric, @day, @z, @doc)
                ON CONFLICT (subject, subject_id, metric, day) DO NOTHING
                """)
            .With("@id", alert.Id)
            .With("@organisation_id", alert.OrganisationId)
            .With("@subject", alert.Subject.ToString())
            .With("@subject_id", alert.SubjectId)
            .With("@metric", alert.Metric.ToString())
            .With("@day", alert.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With("@z", alert.Z)
            .With("@doc", StorageJson.Serialize(alert))
            .Run() == 1;
            if (added)
            {
                foreach (var notice in notices)
                    SqliteOutboxStore.Append(tx, notice, alert.RaisedAt);
            }
            return added;
        }, ct);

    public Task<DriftAlert?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM drift_alerts WHERE id = @id").With("@id", id).ReadDoc<DriftAlert>(), ct);

    public Task<IReadOnlyList<DriftAlert>> ListAsync(string organisationId, int max, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<DriftAlert>>(c => c.Command("""
                SELECT doc FROM drift_alerts WHERE organisation_id = @organisation_id ORDER BY day DESC, abs(z) DESC, id LIMIT @max
                """)
            .With("@organisation_id", organisationId).With("@max", max).ReadDocs<DriftAlert>(), ct);
}
