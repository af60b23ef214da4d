using Engagement.Core.FollowUps;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>Follow-up addresses in SQLite, written with their contribution, found by contribution, deleted by address or expiry.</summary>
public sealed class SqliteFollowUpStore(SqliteDatabase db) : IFollowUpStore
{
    public Task AddAsync(FollowUp followUp, CancellationToken ct = default)
    {
        var row = Row.Of(followUp);
        return db.WriteAsync(tx => Append(tx, row), ct);
    }

    /// <summary>
    /// A follow-up made ready to write: serialised before the write is queued, so the store's single writer spends no
    /// time on it beyond the insert.
    /// </summary>
    internal sealed record Row(FollowUp FollowUp, string Doc)
    {
        public static Row? Of(FollowUp? followUp) => followUp is null ? null : new(followUp, StorageJson.Serialize(followUp));
    }

    /// <summary>Stores a follow-up in the caller's transaction (a contribution's own write); nothing when none is given.</summary>
    internal static int Append(SqliteTransaction tx, Row? row) => row is null ? 0 : tx.Command("""
            INSERT INTO follow_ups (id, organisation_id, contribution_id, address, expires_ticks, doc)
            VALUES (@id, @organisation_id, @contribution_id, @address, @expires, @doc)
            ON CONFLICT (id) DO NOTHING
            """)
        .With("@id", row.FollowUp.Id).With("@organisation_id", row.FollowUp.OrganisationId).With("@contribution_id", row.FollowUp.ContributionId)
        .With("@address", row.FollowUp.Address).With("@expires", row.FollowUp.ExpiresAt.Ticks()).With("@doc", row.Doc).Run();

    public Task<IReadOnlyList<FollowUp>> ListForContributionsAsync(string organisationId, IReadOnlyCollection<string> contributionIds, DateTimeOffset now, CancellationToken ct = default) =>
        contributionIds.Count == 0
            ? Task.FromResult<IReadOnlyList<FollowUp>>([])
            : db.ReadAsync<IReadOnlyList<FollowUp>>(c => c.Command("""
                    SELECT doc FROM follow_ups
                    WHERE organisation_id = @organisation_id AND contribution_id IN (SELECT value FROM json_each(@ids)) AND expires_ticks > @now
                    ORDER BY id
                    """).With("@organisation_id", organisationId).WithJsonArray("@ids", contributionIds).With("@now", now.Ticks()).ReadDocs<FollowUp>(), ct);

    public Task<int> DeleteByAddressAsync(string address, CancellationToken ct = default) =>
        db.WriteAsync(tx => tx.Command("DELETE FROM follow_ups WHERE address = @address").With("@address", address).Run(), ct);

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, int max, CancellationToken ct = default) =>
        db.WriteAsync(tx => tx.Command("""
                DELETE FROM follow_ups WHERE id IN (SELECT id FROM follow_ups WHERE expires_ticks <= @now ORDER BY expires_ticks LIMIT @max)
                """).With("@now", now.Ticks()).With("@max", max).Run(), ct);
}
